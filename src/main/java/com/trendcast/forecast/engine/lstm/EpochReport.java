package com.trendcast.forecast.engine.lstm;

/**
 * The figures of one finished epoch.
 *
 * @param epoch          1-based epoch
 * @param maxEpochs      the most epochs the settings allow
 * @param trainLoss      mean batch loss of the epoch (mean squared error on the scaled target)
 * @param validationLoss the same loss on the time-ordered validation windows; {@code NaN} when the panel was too
 *                       small for a validation split
 * @param validationWape WAPE on the validation windows in the series' units (what early stopping watches);
 *                       {@code NaN} without a validation split
 * @param best           whether this epoch is the best so far (its weights are the ones kept)
 * @param seconds        training time so far, this epoch included
 */
public record EpochReport(int epoch, int maxEpochs, double trainLoss, double validationLoss, double validationWape,
                          boolean best, double seconds) {
}
