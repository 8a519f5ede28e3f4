package com.trendcast.training;

import java.util.List;

/**
 * A change of a run pushed to subscribers (see {@link TrainingService#subscribe}).
 *
 * @param finishedEpoch the epoch that just finished, or {@code null} for a step or status update
 * @param newLogLines   log lines added since the previous update
 */
public record RunUpdate(long runId, RunStatus status, RunProgress progress, EpochLoss finishedEpoch,
                        List<String> newLogLines) {
}
