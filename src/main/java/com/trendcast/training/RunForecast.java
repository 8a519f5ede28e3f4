package com.trendcast.training;

import com.trendcast.forecast.engine.TimeSeries;

import java.util.List;

/**
 * The forecasts a run stored, with the recent history of the same series, limited to what the caller may see.
 *
 * @param intervalLevel nominal coverage of the intervals
 * @param history       the last periods of each forecast series as the run's pipeline version reads them now;
 *                      empty when that pipeline or version no longer exists
 * @param rows          ordered by series, then date; empty unless the run succeeded
 */
public record RunForecast(long runId, double intervalLevel, List<TimeSeries> history, List<ForecastRow> rows) {
}
