package com.trendcast.pipeline;

import com.trendcast.pipeline.spec.PipelineSpec;

import java.time.Instant;

/**
 * A stored pipeline with the spec of its current version.
 *
 * @param owner username of the creator, who may edit and delete it (besides admins)
 */
public record PipelineSummary(long id, String name, String owner, Instant createdAt, int currentVersion,
                              PipelineSpec spec) {
}
