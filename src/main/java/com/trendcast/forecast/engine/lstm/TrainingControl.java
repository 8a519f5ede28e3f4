package com.trendcast.forecast.engine.lstm;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * How a caller steers one training: who listens, when to stop, where checkpoints go.
 *
 * @param listener       told about every batch and epoch
 * @param cancelled      asked before every batch; once true the training stops with
 *                       {@link TrainingCancelledException}
 * @param checkpoint     file rewritten after every epoch with the network, its optimizer state, the epoch and
 *                       the best weights so far; {@code null} for none
 * @param resume         continue from {@code checkpoint} when that file exists, instead of starting afresh
 */
public record TrainingControl(TrainingListener listener, BooleanSupplier cancelled, Path checkpoint,
                              boolean resume) {

    public TrainingControl {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(cancelled, "cancelled");
        if (resume && checkpoint == null) {
            throw new IllegalArgumentException("Resuming needs a checkpoint file");
        }
    }

    /** No listener, no cancellation, no checkpoints: what {@link LstmGlobalModel#forecast} uses. */
    public static TrainingControl none() {
        return new TrainingControl(TrainingListener.NONE, () -> false, null, false);
    }
}
