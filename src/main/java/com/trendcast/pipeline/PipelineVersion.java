package com.trendcast.pipeline;

import com.trendcast.pipeline.spec.PipelineSpec;

import java.time.Instant;

/** One saved version of a pipeline; versions are never changed once saved. */
public record PipelineVersion(int version, PipelineSpec spec, Instant createdAt, String createdBy) {
}
