package com.trendcast.pipeline.spec;

import java.time.LocalDate;
import java.util.List;

/**
 * The features of one series in one period.
 *
 * @param seriesKey the series' key
 * @param date      first day of the period
 * @param target    treated target value
 * @param values    one value per {@link FeatureSet#columns()} entry; NaN where the history is too short
 *                  (the first lags and windows of a series)
 */
public record FeatureRow(List<String> seriesKey, LocalDate date, double target, double[] values) {

    public FeatureRow {
        seriesKey = List.copyOf(seriesKey);
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public double value(int column) {
        return values[column];
    }
}
