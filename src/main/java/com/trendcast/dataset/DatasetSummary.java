package com.trendcast.dataset;

import com.trendcast.dataset.read.mapping.DatasetKind;

import java.time.Instant;

/**
 * A stored dataset as listed to a user.
 *
 * @param owner username of the uploader; null for command-line imports and removed users
 */
public record DatasetSummary(long id, String name, DatasetKind kind, String owner, String sourceFile,
                             long rowsRead, long rowsImported, long rowsRejected, Instant createdAt) {
}
