package com.trendcast.training.api;

import com.trendcast.training.RunStatus;
import com.trendcast.training.TrainingRunSummary;

import java.time.Instant;

/**
 * One row of the runs list.
 *
 * @param wape            backtest WAPE of the trained model, {@code null} until its backtest is done
 * @param durationSeconds from start to finish (or until now while running), {@code null} while queued
 * @param production      whether the run is its pipeline's production model
 */
record RunSummaryResponse(long id, long pipelineId, int pipelineVersion, String pipelineName, String model,
                          RunStatus status, String launchedBy, Instant createdAt, Instant startedAt,
                          Instant finishedAt, Double wape, Double durationSeconds, boolean production) {

    static RunSummaryResponse of(TrainingRunSummary run) {
        return new RunSummaryResponse(run.id(), run.pipelineId(), run.pipelineVersion(), run.pipelineName(),
                run.model(), run.status(), run.launchedBy(), run.createdAt(), run.startedAt(), run.finishedAt(),
                run.keyMetric(), run.duration() == null ? null : run.duration().toMillis() / 1000.0,
                run.production());
    }
}
