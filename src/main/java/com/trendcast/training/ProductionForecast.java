package com.trendcast.training;

import java.time.Instant;
import java.util.List;

/**
 * The stored forecasts of a pipeline's production run, limited to the series the caller may see.
 *
 * @param pipelineVersion the pipeline version the run trained on
 * @param seriesColumns   names of the parts of each row's series key, e.g. {@code category1, category2}
 * @param intervalLevel   nominal coverage of the intervals
 * @param rows            ordered by series, then date
 * @param metrics         the run's backtest metrics over the caller's series
 */
public record ProductionForecast(long pipelineId, long runId, int pipelineVersion, String model, Instant promotedAt,
                                 String promotedBy, List<String> seriesColumns, double intervalLevel,
                                 List<ForecastRow> rows, ProductionMetrics metrics) {

    public ProductionForecast {
        seriesColumns = List.copyOf(seriesColumns);
        rows = List.copyOf(rows);
    }

    /**
     * The rows whose series key starts with {@code keyPrefix}, e.g. {@code [Kitchen]} for every kitchen series or
     * {@code [Kitchen, Baking]} for the baking ones; an empty prefix keeps every row.
     */
    public List<ForecastRow> rowsOfSeries(List<String> keyPrefix) {
        return rows.stream().filter(row -> row.seriesKey().size() >= keyPrefix.size()
                && row.seriesKey().subList(0, keyPrefix.size()).equals(keyPrefix)).toList();
    }
}
