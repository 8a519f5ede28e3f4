package com.trendcast.training;

/**
 * Losses of one finished epoch of a run's final training (mean squared error on the scaled target).
 *
 * @param validationLoss {@code NaN} when the data was too small for a validation split
 * @param validationWape WAPE of the validation windows in the series' units, {@code NaN} likewise
 * @param seconds        training time up to the end of this epoch
 */
public record EpochLoss(int epoch, double trainLoss, double validationLoss, double validationWape, double seconds) {
}
