package com.trendcast.dataset;

/** A stored import: the new dataset and what reading the file found. */
public record ImportResult(long datasetId, ImportReport report) {
}
