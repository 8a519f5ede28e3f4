package com.trendcast.forecast.engine.eval;

import com.trendcast.forecast.engine.ForecastModel;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.model.MovingAverageModel;
import com.trendcast.forecast.engine.model.NaiveModel;
import com.trendcast.forecast.engine.model.SeasonalNaiveModel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RollingOriginBacktestTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    private static TimeSeries series(String key, double[] values) {
        return new TimeSeries(List.of(key), START, Frequency.DAY, values);
    }

    private static double[] ramp(int n) {
        double[] values = new double[n];
        for (int t = 0; t < n; t++) {
            values[t] = t;
        }
        return values;
    }

    @Test
    void foldBoundaries() {
        // n = 20, 3 folds, horizon 4, step 2: last origin 20 - 4 = 16, then 14, 12
        // fold 0 trains on 0..11 and tests 12..15; fold 1: 0..13 / 14..17; fold 2: 0..15 / 16..19
        RollingOriginBacktest backtest = new RollingOriginBacktest(3, 4, 2, 2, false);
        assertThat(backtest.folds(20)).containsExactly(new Fold(0, 12, 4), new Fold(1, 14, 4), new Fold(2, 16, 4));
        assertThat(backtest.folds(20).get(2).testEnd()).isEqualTo(20);
    }

    @Test
    void foldsWithTooLittleTrainingAreDropped() {
        // n = 20, 5 folds, horizon 4, step 4: origins 0, 4, 8, 12, 16; origin 0 has no training data
        RollingOriginBacktest backtest = new RollingOriginBacktest(5, 4, 4, 2, false);
        assertThat(backtest.folds(20)).extracting(Fold::origin).containsExactly(4, 8, 12, 16);
        assertThat(backtest.folds(20)).extracting(Fold::index).containsExactly(1, 2, 3, 4);
    }

    @Test
    void naiveOnRampHasHandCheckedErrorsAndPooledScores() {
        // ramp 0..19: from origin o naive forecasts o-1, actuals o..o+3 -> errors -1, -2, -3, -4 in every fold
        // constant series of 100: errors 0
        // pooled WAPE = 3 folds * (1+2+3+4) / (ramp actual sums 54 + 62 + 70 + constant 3 * 4 * 100)
        //             = 30 / (186 + 1200) = 30 / 1386
        double[] constant = new double[20];
        Arrays.fill(constant, 100);
        BacktestResult result = new RollingOriginBacktest(3, 4, 2, 2, true)
                .run(List.of(series("ramp", ramp(20)), series("flat", constant), series("short", ramp(5))),
                        List.of(new NaiveModel()));

        double[][] residuals = result.residualsByStep("naive");
        assertThat(residuals).hasNumberOfRows(4);
        assertThat(residuals[0]).containsExactlyInAnyOrder(-1, -1, -1, 0, 0, 0);
        assertThat(residuals[3]).containsExactlyInAnyOrder(-4, -4, -4, 0, 0, 0);
        assertThat(result.skippedSeries()).containsExactly(List.of("short"));

        FoldForecast first = result.forecastsOf("naive").get(0);
        assertThat(first.fold()).isEqualTo(new Fold(0, 12, 4));
        assertThat(first.originDate()).isEqualTo(LocalDate.of(2024, 1, 13));
        assertThat(first.actual()).containsExactly(12, 13, 14, 15);
        assertThat(first.forecast()).containsExactly(11, 11, 11, 11);

        ModelScore score = result.score("naive");
        assertThat(score.overall().count()).isEqualTo(24);
        assertThat(score.overall().wape()).isCloseTo(30.0 / 1386, within(1e-12));
        // ramp alone: MAE (1+2+3+4)/4 = 2.5, WAPE 30/186
        assertThat(score.bySeries().get(List.of("ramp")).mae()).isCloseTo(2.5, within(1e-12));
        assertThat(score.bySeries().get(List.of("ramp")).wape()).isCloseTo(30.0 / 186, within(1e-12));
        // step 1 pooled: |errors| 1,1,1,0,0,0 -> MAE 0.5; step 4: 4,4,4,0,0,0 -> 2
        assertThat(score.byStep().get(0).mae()).isCloseTo(0.5, within(1e-12));
        assertThat(score.byStep().get(3).mae()).isCloseTo(2, within(1e-12));
        // ramp MASE scale from 12 training points 0..11 with period 7: |y[t] - y[t-7]| = 7 -> MAE 2.5 / 7
        assertThat(result.forecastsOf("naive").get(0).maseScale()).isCloseTo(7, within(1e-12));
    }

    @Test
    void duplicateModelNamesAreRejected() {
        RollingOriginBacktest backtest = RollingOriginBacktest.of(1, 1);
        assertThatThrownBy(() -> backtest.run(List.of(series("a", ramp(5))),
                List.of(new NaiveModel(), new NaiveModel()))).isInstanceOf(IllegalArgumentException.class);
    }
}
