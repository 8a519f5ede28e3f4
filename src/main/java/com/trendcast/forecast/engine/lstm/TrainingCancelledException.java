package com.trendcast.forecast.engine.lstm;

/** Training stopped because its {@link TrainingControl#cancelled()} said so; the last checkpoint stays valid. */
public class TrainingCancelledException extends RuntimeException {

    public TrainingCancelledException(int epoch, int step) {
        super("Training cancelled in epoch " + epoch + " before batch " + step);
    }
}
