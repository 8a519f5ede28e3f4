package com.trendcast.training;

/**
 * Life of a training run. {@code INTERRUPTED}: the application stopped while it trained; it can be resumed from its
 * last checkpoint or restarted.
 */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED;

    /** Whether the run will not change any more by itself. */
    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }

    /** Whether {@link TrainingService#resume} may continue it from a checkpoint. */
    public boolean resumable() {
        return this == INTERRUPTED || this == CANCELLED || this == FAILED;
    }
}
