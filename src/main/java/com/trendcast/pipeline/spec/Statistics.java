package com.trendcast.pipeline.spec;

import java.util.Arrays;

/** The few descriptive statistics the feature builder needs. */
final class Statistics {

    private Statistics() {
    }

    /** Mean of {@code values[from, to)}. */
    static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }

    /** Sample standard deviation (n - 1) of {@code values[from, to)}, as rolling features usually are. */
    static double sampleStd(double[] values, int from, int to) {
        double mean = mean(values, from, to);
        double squares = 0;
        for (int i = from; i < to; i++) {
            squares += (values[i] - mean) * (values[i] - mean);
        }
        return Math.sqrt(squares / (to - from - 1));
    }

    /** Population standard deviation: describes the whole series when scaling or clipping it. */
    static double populationStd(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double mean = mean(values, 0, values.length);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / values.length);
    }

    /** Quantile by linear interpolation between order statistics (the common "type 7" definition). */
    static double quantile(double[] values, double probability) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = probability * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
