package com.trendcast.training;

import java.time.Duration;

/**
 * How far a run has got.
 *
 * @param phase         {@link #BACKTEST}, {@link #TRAINING}, {@link #FORECAST}, or {@code null} before it started
 * @param epoch         current (or last) epoch of the final training, 1-based; 0 before it started
 * @param maxEpochs     the most epochs the hyper-parameters allow
 * @param step          batch within the epoch, 1-based
 * @param stepsPerEpoch batches per epoch
 * @param elapsed       time since the run started; zero while queued
 * @param remaining     estimated time left for the final training, {@code null} when unknown
 */
public record RunProgress(String phase, int epoch, int maxEpochs, int step, int stepsPerEpoch, Duration elapsed,
                          Duration remaining) {

    public static final String BACKTEST = "backtest";
    public static final String TRAINING = "training";
    public static final String FORECAST = "forecast";

    /** Share of the final training's batches done, 0 to 1 (early stopping may end it before 1). */
    public double fraction() {
        if (maxEpochs <= 0 || stepsPerEpoch <= 0 || epoch <= 0) {
            return 0;
        }
        return Math.min(1, ((epoch - 1) * (double) stepsPerEpoch + step) / ((double) maxEpochs * stepsPerEpoch));
    }
}
