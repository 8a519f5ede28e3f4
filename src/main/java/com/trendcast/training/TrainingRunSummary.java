package com.trendcast.training;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of the runs list.
 *
 * @param keyMetric  backtest WAPE of the trained model, {@code null} until its backtest is done
 * @param duration   from start to finish (or until now while running); {@code null} while queued
 * @param production whether the run is its pipeline's production model
 */
public record TrainingRunSummary(long id, long pipelineId, int pipelineVersion, String pipelineName, String model,
                                 RunStatus status, String launchedBy, Instant createdAt, Instant startedAt,
                                 Instant finishedAt, Double keyMetric, Duration duration, boolean production) {
}
