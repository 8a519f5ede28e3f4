package com.trendcast.training;

/**
 * Which runs to list; a {@code null} field matches everything.
 *
 * @param status     only runs in this status
 * @param pipelineId only runs of this pipeline
 * @param launchedBy only runs launched by this user name
 */
public record RunFilter(RunStatus status, Long pipelineId, String launchedBy) {

    public static RunFilter all() {
        return new RunFilter(null, null, null);
    }
}
