package com.trendcast.forecast.engine.lstm;

/**
 * Follows the training of an {@link LstmGlobalModel}. Called on the training thread between batches, so an
 * implementation must return quickly and never wait on anything (hand the figures to another thread instead).
 */
public interface TrainingListener {

    /** Listens to nothing. */
    TrainingListener NONE = new TrainingListener() {
    };

    /**
     * A gradient step finished.
     *
     * @param epoch         1-based epoch
     * @param step          1-based batch within the epoch
     * @param stepsPerEpoch batches in every epoch
     * @param loss          training loss of this batch (mean squared error on the scaled target)
     */
    default void stepFinished(int epoch, int step, int stepsPerEpoch, double loss) {
    }

    /** An epoch finished; its figures are final (and in the checkpoint when one is written). */
    default void epochFinished(EpochReport report) {
    }

    /** A line worth showing in the run's log. */
    default void log(String line) {
    }
}
