package com.trendcast.dataset;

/**
 * Published once the demo datasets were imported on a first start, so other features can prepare demo content
 * on them (e.g. a first training run).
 *
 * @param salesDatasetId the demo sales dataset
 * @param owner          user name owning the demo data
 */
public record DemoDataImported(long salesDatasetId, String owner) {
}
