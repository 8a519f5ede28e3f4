package com.trendcast.pipeline.spec;

import java.util.List;

/**
 * What a pipeline produces from a set of series.
 *
 * @param columns feature column names, in row order, after the series key, date and target of each row
 * @param series  each series before and after treatment
 * @param rows    one row per series per period, series by series in date order
 */
public record FeatureSet(List<String> columns, List<TreatedSeries> series, List<FeatureRow> rows) {

    public FeatureSet {
        columns = List.copyOf(columns);
        series = List.copyOf(series);
        rows = List.copyOf(rows);
    }

    /** Value of the named column in {@code row}. */
    public double value(FeatureRow row, String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("No feature column " + column + " among " + columns);
        }
        return row.value(index);
    }

    /** The rows of one series. */
    public List<FeatureRow> rowsOf(List<String> seriesKey) {
        return rows.stream().filter(row -> row.seriesKey().equals(seriesKey)).toList();
    }
}
