package com.trendcast.forecast.engine.eval;

import com.trendcast.forecast.engine.Forecast;
import com.trendcast.forecast.engine.ForecastModel;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.eval.ConformalIntervals.Scaling;
import com.trendcast.forecast.engine.model.MovingAverageModel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ConformalIntervalsTest {

    private static final int HISTORY = 200;
    private static final int HORIZON = 7;
    private static final ForecastModel MEAN_OF_50 = MovingAverageModel.ofWindow(50);

    @Test
    void quantileUsesFiniteSampleRank() {
        // 9 residuals, level 0.8: rank ceil(10 * 0.8) = 8 -> 8th smallest of |r| = 1..9 is 8
        double[] residuals = {-1, 2, -3, 4, 5, -6, 7, 8, -9};
        assertThat(ConformalIntervals.conformalQuantile(residuals, 0.8)).isEqualTo(8);
        // 3 residuals: rank ceil(4 * 0.8) = 4 > 3 -> the largest
        assertThat(ConformalIntervals.conformalQuantile(new double[]{1, -5, 2}, 0.8)).isEqualTo(5);
        assertThatThrownBy(() -> ConformalIntervals.conformalQuantile(new double[0], 0.8))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seriesLevelIsMeanAbsoluteOverLastTwoSeasons() {
        // period 2 -> last 4 values |−2|, 2, 4, 4 -> 12/4 = 3
        assertThat(ConformalIntervals.seriesLevel(new double[]{100, 100, -2, 2, 4, 4}, 2)).isEqualTo(3);
        assertThat(ConformalIntervals.seriesLevel(new double[]{1, 3}, 7)).isEqualTo(2);
    }

    @Test
    void appliesSymmetricHalfWidthPerStep() {
        TimeSeries history = new TimeSeries(List.of("a"), LocalDate.of(2024, 1, 1), Frequency.DAY,
                new double[]{10, 10});
        FoldForecast fold = new FoldForecast(List.of("a"), "m", new Fold(0, 2, 2), LocalDate.of(2024, 1, 3),
                new double[]{10, 10}, new double[]{11, 7}, Double.NaN, 10);
        ConformalIntervals intervals = ConformalIntervals.calibrate(List.of(fold), 0.8, Scaling.ABSOLUTE);
        Forecast forecast = intervals.apply(Forecast.pointOnly(history, new double[]{10, 10, 10}), history);

        // one residual per step: |11-10| = 1, |7-10| = 3; step 3 reuses step 2
        assertThat(forecast.lower()).containsExactly(9, 7, 7);
        assertThat(forecast.upper()).containsExactly(11, 13, 13);
        assertThat(forecast.intervalLevel()).isEqualTo(0.8);
    }

    private static List<TimeSeries> noisySeries(Random random, int count, int length, double level, String prefix) {
        List<TimeSeries> series = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            double[] values = new double[length];
            for (int t = 0; t < length; t++) {
                values[t] = level + random.nextGaussian() * level * 0.1;
            }
            series.add(new TimeSeries(List.of(prefix + s), LocalDate.of(2024, 1, 1), Frequency.DAY, values));
        }
        return series;
    }

    /** Share of the future values of {@code fresh} that fall inside the intervals forecast from their history. */
    private static double coverageOnFreshData(ConformalIntervals intervals, List<TimeSeries> fresh) {
        Metrics.Accumulator accumulator = new Metrics.Accumulator();
        for (TimeSeries series : fresh) {
            TimeSeries history = series.head(HISTORY);
            Forecast forecast = intervals.apply(MEAN_OF_50.forecast(history, HORIZON), history);
            double[] actual = Arrays.copyOfRange(series.values(), HISTORY, HISTORY + HORIZON);
            for (int step = 0; step < HORIZON; step++) {
                accumulator.add(actual[step], forecast.point()[step], Double.NaN);
                accumulator.addInterval(actual[step], forecast.lower()[step], forecast.upper()[step]);
            }
        }
        return accumulator.result().coverage();
    }

    @Test
    void eightyPercentIntervalsCoverAboutEightyPercentOfFreshGaussianData() {
        Random random = new Random(2024);
        List<TimeSeries> calibration = noisySeries(random, 300, HISTORY, 100, "c");
        BacktestResult backtest = RollingOriginBacktest.of(5, HORIZON).run(calibration, List.of(MEAN_OF_50));
        ConformalIntervals intervals = ConformalIntervals.calibrate(backtest.forecastsOf(MEAN_OF_50.name()),
                ConformalIntervals.DEFAULT_LEVEL, Scaling.ABSOLUTE);

        double coverage = coverageOnFreshData(intervals, noisySeries(random, 300, HISTORY + HORIZON, 100, "f"));

        // N(0, 10²) noise around a mean estimated from 50 points: half-width ≈ 1.2816 · 10 · √(1 + 1/50) ≈ 12.9
        assertThat(coverage).isCloseTo(0.8, within(0.05));
        assertThat(intervals.halfWidths()[0]).isCloseTo(12.9, within(1.5));
    }

    @Test
    void levelScalingTransfersOneCalibrationAcrossSeriesSizes() {
        Random random = new Random(99);
        List<TimeSeries> calibration = new ArrayList<>(noisySeries(random, 150, HISTORY, 10, "small"));
        calibration.addAll(noisySeries(random, 150, HISTORY, 1000, "large"));
        BacktestResult backtest = RollingOriginBacktest.of(5, HORIZON).run(calibration, List.of(MEAN_OF_50));
        ConformalIntervals scaled = ConformalIntervals.calibrate(backtest.forecastsOf(MEAN_OF_50.name()),
                0.8, Scaling.SERIES_LEVEL);
        ConformalIntervals absolute = ConformalIntervals.calibrate(backtest.forecastsOf(MEAN_OF_50.name()),
                0.8, Scaling.ABSOLUTE);

        List<TimeSeries> freshSmall = noisySeries(random, 200, HISTORY + HORIZON, 10, "fs");
        List<TimeSeries> freshLarge = noisySeries(random, 200, HISTORY + HORIZON, 1000, "fl");

        assertThat(coverageOnFreshData(scaled, freshSmall)).isCloseTo(0.8, within(0.05));
        assertThat(coverageOnFreshData(scaled, freshLarge)).isCloseTo(0.8, within(0.05));
        // absolute residuals are dominated by the large series: far too wide for the small ones
        assertThat(coverageOnFreshData(absolute, freshSmall)).isGreaterThan(0.99);
    }
}
