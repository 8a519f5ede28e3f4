package com.trendcast.forecast.engine.model;

import com.trendcast.forecast.engine.FittedModel;
import com.trendcast.forecast.engine.ForecastModel;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;

import java.util.Arrays;

/**
 * Forecasts the mean of the last {@code window} observations for every future period. The window is either
 * fixed or chosen per series among candidates by in-sample one-step squared error.
 */
public final class MovingAverageModel implements ForecastModel {

    private final int[] candidateWindows;

    private MovingAverageModel(int[] candidateWindows) {
        this.candidateWindows = candidateWindows;
    }

    /** Window chosen per series from candidates suited to its frequency (about one week up to two months). */
    public static MovingAverageModel auto() {
        return new MovingAverageModel(new int[0]);
    }

    /** A fixed window; histories shorter than the window are averaged whole. */
    public static MovingAverageModel ofWindow(int window) {
        return choosingAmong(window);
    }

    /** Window chosen per series among the given candidates. */
    public static MovingAverageModel choosingAmong(int... windows) {
        if (windows.length == 0) {
            throw new IllegalArgumentException("At least one window is required");
        }
        for (int window : windows) {
            if (window < 1) {
                throw new IllegalArgumentException("Window must be positive: " + window);
            }
        }
        return new MovingAverageModel(windows.clone());
    }

    /** Default candidates when no windows are given: about one week to two months in every frequency. */
    static int[] defaultWindows(Frequency frequency) {
        return switch (frequency) {
            case DAY -> new int[]{7, 14, 28, 56};
            case WEEK -> new int[]{2, 4, 8, 13};
            case MONTH -> new int[]{2, 3, 6, 12};
        };
    }

    @Override
    public String name() {
        return candidateWindows.length == 1 ? "moving-average(" + candidateWindows[0] + ")" : "moving-average";
    }

    @Override
    public FittedModel fit(TimeSeries history) {
        double[] values = ModelSupport.requireNonEmpty(history);
        int window = chooseWindow(values, candidateWindows.length == 0
                ? defaultWindows(history.frequency()) : candidateWindows);
        double mean = meanOfLast(values, window);
        return (horizon, futureCovariates) -> ModelSupport.constant(horizon, mean);
    }

    /**
     * The candidate with the smallest one-step squared error. All candidates are scored on the same periods
     * (those every usable window can predict), so longer windows are not favoured by having fewer errors.
     */
    static int chooseWindow(double[] values, int[] candidates) {
        int n = values.length;
        int[] usable = Arrays.stream(candidates).filter(window -> window < n).sorted().toArray();
        if (usable.length == 0) {
            return Math.min(n, Arrays.stream(candidates).min().orElse(n));
        }
        if (usable.length == 1) {
            return usable[0];
        }
        int firstScored = usable[usable.length - 1];
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + values[i];
        }
        int best = usable[0];
        double bestError = Double.POSITIVE_INFINITY;
        for (int window : usable) {
            double squaredError = 0;
            for (int t = firstScored; t < n; t++) {
                double error = values[t] - (prefix[t] - prefix[t - window]) / window;
                squaredError += error * error;
            }
            if (squaredError < bestError) {
                bestError = squaredError;
                best = window;
            }
        }
        return best;
    }

    private static double meanOfLast(double[] values, int window) {
        int from = Math.max(0, values.length - window);
        double sum = 0;
        for (int i = from; i < values.length; i++) {
            sum += values[i];
        }
        return sum / (values.length - from);
    }
}
