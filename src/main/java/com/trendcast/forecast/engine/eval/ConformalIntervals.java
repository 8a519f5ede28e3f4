package com.trendcast.forecast.engine.eval;

import com.trendcast.forecast.engine.Forecast;
import com.trendcast.forecast.engine.TimeSeries;

import java.util.Arrays;
import java.util.List;

/**
 * Split-conformal prediction intervals from backtest residuals, one half-width per horizon step and symmetric
 * around the point forecast. The half-width for step {@code h} is the {@code ⌈(n+1)·level⌉}-th smallest of the
 * {@code n} absolute step-{@code h} residuals, which guarantees at least the nominal coverage for exchangeable
 * errors. With level scaling, residuals are divided by each series' recent mean absolute level before taking
 * the quantile and the half-width is multiplied by the level of the series being forecast, so one calibration
 * serves series of very different size.
 */
public final class ConformalIntervals {

    /** How residuals are made comparable across series. */
    public enum Scaling {
        /** Residuals in the units of the series: right for one series or series of similar size. */
        ABSOLUTE,
        /** Residuals relative to the series' recent mean absolute level. */
        SERIES_LEVEL
    }

    /** The default nominal coverage. */
    public static final double DEFAULT_LEVEL = 0.8;
    /** Whole seasons averaged for the series level, so the seasonal pattern does not tilt it. */
    private static final int LEVEL_SEASONS = 2;

    private final double level;
    private final Scaling scaling;
    private final double[] halfWidthByStep;

    private ConformalIntervals(double level, Scaling scaling, double[] halfWidthByStep) {
        this.level = level;
        this.scaling = scaling;
        this.halfWidthByStep = halfWidthByStep;
    }

    /**
     * Calibrates from the fold forecasts of one model (see {@link BacktestResult#forecastsOf(String)}).
     * Series whose level is zero are left out of a level-scaled calibration.
     *
     * @param level nominal coverage in (0, 1), e.g. {@link #DEFAULT_LEVEL}
     * @throws IllegalArgumentException if there are no usable residuals
     */
    public static ConformalIntervals calibrate(List<FoldForecast> forecasts, double level, Scaling scaling) {
        requireLevel(level);
        int horizon = forecasts.stream().mapToInt(FoldForecast::horizon).max().orElse(0);
        double[][] residuals = new double[horizon][forecasts.size()];
        int[] counts = new int[horizon];
        for (FoldForecast forecast : forecasts) {
            if (scaling == Scaling.SERIES_LEVEL && !(forecast.level() > 0)) {
                continue;
            }
            double divisor = scaling == Scaling.SERIES_LEVEL ? forecast.level() : 1;
            for (int step = 0; step < forecast.horizon(); step++) {
                residuals[step][counts[step]++] = Math.abs(forecast.error(step)) / divisor;
            }
        }
        double[] halfWidths = new double[horizon];
        for (int step = 0; step < horizon; step++) {
            halfWidths[step] = conformalQuantile(Arrays.copyOf(residuals[step], counts[step]), level);
        }
        return new ConformalIntervals(level, scaling, halfWidths);
    }

    /**
     * The {@code ⌈(n+1)·level⌉}-th smallest absolute value. When that rank exceeds {@code n} (fewer than
     * {@code level / (1 - level)} residuals) the largest one is used, which then under-covers slightly.
     *
     * @throws IllegalArgumentException if {@code residuals} is empty
     */
    public static double conformalQuantile(double[] residuals, double level) {
        requireLevel(level);
        if (residuals.length == 0) {
            throw new IllegalArgumentException("No residuals to calibrate from");
        }
        double[] sorted = new double[residuals.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = Math.abs(residuals[i]);
        }
        Arrays.sort(sorted);
        int rank = (int) Math.ceil((sorted.length + 1) * level);
        return sorted[Math.min(rank, sorted.length) - 1];
    }

    /**
     * Recent mean absolute level of a history: the mean of |y| over its last two seasons (all of it when
     * shorter). Zero for an all-zero history.
     */
    public static double seriesLevel(double[] history, int seasonalPeriod) {
        int from = Math.max(0, history.length - LEVEL_SEASONS * seasonalPeriod);
        if (from == history.length) {
            return 0;
        }
        double sum = 0;
        for (int i = from; i < history.length; i++) {
            sum += Math.abs(history[i]);
        }
        return sum / (history.length - from);
    }

    public double level() {
        return level;
    }

    public Scaling scaling() {
        return scaling;
    }

    /** Calibrated half-width per horizon step, in residual units (relative to level when level-scaled). */
    public double[] halfWidths() {
        return halfWidthByStep.clone();
    }

    /**
     * Adds intervals to a point forecast of {@code history}. Steps beyond the calibrated horizon reuse the
     * half-width of the last calibrated step.
     */
    public Forecast apply(Forecast pointForecast, TimeSeries history) {
        double scale = scaling == Scaling.SERIES_LEVEL
                ? seriesLevel(history.values(), history.frequency().seasonalPeriod()) : 1;
        double[] point = pointForecast.point();
        double[] lower = new double[point.length];
        double[] upper = new double[point.length];
        for (int step = 0; step < point.length; step++) {
            double halfWidth = halfWidthByStep[Math.min(step, halfWidthByStep.length - 1)] * scale;
            lower[step] = point[step] - halfWidth;
            upper[step] = point[step] + halfWidth;
        }
        return new Forecast(pointForecast.key(), pointForecast.dates(), point, lower, upper, level);
    }

    private static void requireLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("Interval level must be in (0, 1): " + level);
        }
    }
}
