package com.trendcast.forecast.engine.eval;

import com.trendcast.forecast.engine.ForecastModel;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.model.EnsembleModel;
import com.trendcast.forecast.engine.model.MovingAverageModel;
import com.trendcast.forecast.engine.model.NaiveModel;
import com.trendcast.forecast.engine.model.SeasonalNaiveModel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AutoModelTest {

    /** A repeating week: seasonal naive is exact, naive and a weekly mean are not. */
    private static final TimeSeries WEEKLY_PATTERN;

    static {
        double[] values = new double[70];
        double[] week = {10, 20, 30, 40, 50, 60, 70};
        for (int t = 0; t < values.length; t++) {
            values[t] = week[t % 7];
        }
        WEEKLY_PATTERN = new TimeSeries(List.of("s"), LocalDate.of(2024, 1, 1), Frequency.DAY, values);
    }

    private final List<ForecastModel> candidates = List.of(
            new NaiveModel(), new SeasonalNaiveModel(), MovingAverageModel.ofWindow(7));

    @Test
    void ranksByChosenMetricAndBuildsTopEnsemble() {
        BacktestResult result = RollingOriginBacktest.of(3, 7).run(List.of(WEEKLY_PATTERN), candidates);

        assertThat(AutoModel.best(result, AutoModel.DEFAULT_METRIC)).isEqualTo("seasonal-naive");
        assertThat(AutoModel.bestModel(result, candidates, Metric.MAE)).isInstanceOf(SeasonalNaiveModel.class);
        // moving average predicts the weekly mean 40: errors 30,20,10,0,10,20,30 -> MAE 120/7
        // naive predicts the last value 70: errors 60,50,40,30,20,10,0 -> MAE 210/7, so MA ranks second
        assertThat(AutoModel.rank(result, Metric.MAE)).extracting(ModelScore::model)
                .containsExactly("seasonal-naive", "moving-average(7)", "naive");

        EnsembleModel ensemble = AutoModel.topEnsemble(result, candidates, 2, Metric.WAPE);
        assertThat(ensemble.name()).isEqualTo("ensemble(seasonal-naive+moving-average(7))");
        BacktestResult withEnsemble = RollingOriginBacktest.of(3, 7)
                .run(List.of(WEEKLY_PATTERN), List.of(new SeasonalNaiveModel(), ensemble));
        assertThat(withEnsemble.score(ensemble.name()).overall().wape())
                .isGreaterThan(withEnsemble.score("seasonal-naive").overall().wape());
    }

    @Test
    void higherIsBetterForR2() {
        BacktestResult result = RollingOriginBacktest.of(3, 7).run(List.of(WEEKLY_PATTERN), candidates);
        assertThat(AutoModel.best(result, Metric.R2)).isEqualTo("seasonal-naive");
    }
}
