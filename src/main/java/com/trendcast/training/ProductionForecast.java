package com.trendcast.training;

import java.time.Instant;
import java.util.List;

/**
 * The stored forecasts of a pipeline's production run, limited to the series the caller may see.
 *
 * @param intervalLevel nominal coverage of the intervals
 * @param rows          ordered by series, then date
 */
public record ProductionForecast(long pipelineId, long runId, String model, Instant promotedAt, String promotedBy,
                                 double intervalLevel, List<ForecastRow> rows) {
}
