package com.trendcast.forecast.engine.global;

/**
 * Window statistics of one scaled series over the periods before a forecast origin, counting only the periods
 * where it could sell (closed periods would read as a collapse in demand). Prefix sums make each statistic
 * constant time, so every training row can carry several windows.
 */
public final class HistoryWindows {

    private final double[] sums;
    private final double[] squares;
    private final int[] counts;
    private final double[] values;
    private final boolean[] open;

    /**
     * @param values the scaled series
     * @param open   per period of {@code values}, whether it counts
     */
    public HistoryWindows(double[] values, boolean[] open) {
        this.values = values;
        this.open = open;
        sums = new double[values.length + 1];
        squares = new double[values.length + 1];
        counts = new int[values.length + 1];
        for (int t = 0; t < values.length; t++) {
            double value = open[t] ? values[t] : 0;
            sums[t + 1] = sums[t] + value;
            squares[t + 1] = squares[t] + value * value;
            counts[t + 1] = counts[t] + (open[t] ? 1 : 0);
        }
    }

    /**
     * Mean of the open periods among the {@code width} periods before {@code end} (exclusive), or
     * {@code fallback} when none of them is open or the window lies before the series start.
     */
    public double mean(int end, int width, double fallback) {
        int from = Math.max(0, end - width);
        int count = counts[end] - counts[from];
        return count > 0 ? (sums[end] - sums[from]) / count : fallback;
    }

    /** Population standard deviation of the same periods as {@link #mean}; 0 with fewer than two. */
    public double deviation(int end, int width) {
        int from = Math.max(0, end - width);
        int count = counts[end] - counts[from];
        if (count < 2) {
            return 0;
        }
        double mean = (sums[end] - sums[from]) / count;
        return Math.sqrt(Math.max(0, (squares[end] - squares[from]) / count - mean * mean));
    }

    /**
     * Mean of the open periods {@code t - k * phase} for {@code k = 1, 2, ...} that lie before {@code origin},
     * at most {@code count} of them: for daily data "the same weekday over the last {@code count} weeks".
     * {@code fallback} when there is none.
     */
    public double samePhaseMean(int t, int origin, int phase, int count, double fallback) {
        int lag = Math.max(1, t - origin + 1);
        lag = (lag + phase - 1) / phase * phase;
        double sum = 0;
        int found = 0;
        for (int k = 0; k < count && t - lag >= 0; k++, lag += phase) {
            if (open[t - lag]) {
                sum += values[t - lag];
                found++;
            }
        }
        return found > 0 ? sum / found : fallback;
    }
}
