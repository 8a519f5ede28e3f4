package com.trendcast.forecast;

import com.trendcast.forecast.engine.eval.AccuracyMetrics;
import com.trendcast.forecast.engine.eval.Fold;
import com.trendcast.forecast.engine.eval.FoldForecast;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Accuracy over some series of a backtest, with intervals calibrated on all of them. */
class ScopedAccuracyTest {

    private static final double TOLERANCE = 1e-12;
    private static final Fold FIRST = new Fold(0, 10, 1);
    private static final Fold SECOND = new Fold(1, 11, 1);
    private static final LocalDate DAY = LocalDate.of(2024, 1, 1);
    private static final List<String> A = List.of("A");
    private static final List<String> B = List.of("B");

    /**
     * Series A (level 10): actual 10 in both folds, forecasts 12 and 9. Series B (level 100): actual 100, forecasts
     * 50 and 150. Scaled residuals: fold 0 A 0.2, B 0.5; fold 1 A 0.1, B 0.5.
     */
    private static final List<FoldForecast> BACKTEST = List.of(
            fold(A, FIRST, 10, 12, 10), fold(B, FIRST, 100, 50, 100),
            fold(A, SECOND, 10, 9, 10), fold(B, SECOND, 100, 150, 100));

    @Test
    void onlyTheChosenSeriesAreScored() {
        AccuracyMetrics a = ForecastWorkflow.intervalAccuracy(BACKTEST, A::equals, 0.8);

        assertThat(a.count()).isEqualTo(2);
        // |12 - 10| + |9 - 10| = 3 over actuals 20
        assertThat(a.wape()).isCloseTo(0.15, within(TOLERANCE));
        assertThat(a.mae()).isCloseTo(1.5, within(TOLERANCE));
    }

    @Test
    void intervalsAreCalibratedOnEverySeriesAsTheStoredForecastsWere() {
        AccuracyMetrics a = ForecastWorkflow.intervalAccuracy(BACKTEST, A::equals, 0.8);

        // Two residuals per fold: the largest, B's 0.5, gives A a half-width of 5, so [7, 17] and [4, 14] both
        // cover 10. Calibrated on A alone, fold 0 would get 0.1 x 10 = 1, [11, 13], and miss.
        assertThat(a.coverage()).isCloseTo(1.0, within(TOLERANCE));
    }

    @Test
    void everySeriesChosenIsTheWholeBacktest() {
        AccuracyMetrics all = ForecastWorkflow.intervalAccuracy(BACKTEST, key -> true, 0.8);

        assertThat(all.count()).isEqualTo(4);
        // errors 2, 50, 1, 50 over actuals 220
        assertThat(all.wape()).isCloseTo(103.0 / 220, within(TOLERANCE));
    }

    private static FoldForecast fold(List<String> key, Fold fold, double actual, double forecast, double level) {
        return new FoldForecast(key, "lstm", fold, DAY.plusDays(fold.origin()), new double[]{actual},
                new double[]{forecast}, 1, level);
    }
}
