package com.trendcast.forecast.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Turns irregular (date, value) observations into a regular {@link TimeSeries}. */
public final class GapFilling {

    /** How periods without an observation get their value. */
    public enum Method {
        /** Missing sales are no sales: the usual reading of transaction exports. */
        ZERO,
        /** Straight line between the neighbouring observations. */
        LINEAR,
        /** Repeat the last observation, for stock-like quantities such as price or inventory. */
        FORWARD
    }

    private GapFilling() {
    }

    /**
     * Builds a series spanning the first to the last observed period. Observations that map to the same period
     * (e.g. several days within one month) are summed.
     *
     * @throws IllegalArgumentException if there are no observations or a value is not finite
     */
    public static TimeSeries regularize(List<String> key, Frequency frequency, Map<LocalDate, Double> observations,
                                        Method method) {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("No observations for series " + key);
        }
        SortedMap<LocalDate, Double> sorted = new TreeMap<>(observations);
        LocalDate start = sorted.firstKey();
        int length = Math.toIntExact(frequency.indexOf(start, sorted.lastKey()) + 1);
        double[] values = new double[length];
        boolean[] observed = new boolean[length];
        for (Map.Entry<LocalDate, Double> entry : sorted.entrySet()) {
            double value = entry.getValue();
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("Non-finite value on " + entry.getKey() + " for series " + key);
            }
            int index = (int) frequency.indexOf(start, entry.getKey());
            values[index] += value;
            observed[index] = true;
        }
        fill(values, observed, method);
        return new TimeSeries(key, start, frequency, values);
    }

    private static void fill(double[] values, boolean[] observed, Method method) {
        if (method == Method.ZERO) {
            return;
        }
        int previous = 0;
        for (int i = 1; i < values.length; i++) {
            if (!observed[i]) {
                continue;
            }
            for (int gap = previous + 1; gap < i; gap++) {
                values[gap] = method == Method.FORWARD
                        ? values[previous]
                        : values[previous] + (values[i] - values[previous]) * (gap - previous) / (i - previous);
            }
            previous = i;
        }
    }
}
