package com.trendcast.forecast;

import com.trendcast.forecast.engine.Frequency;

import java.util.List;

/**
 * How to read an ad-hoc file and what to forecast, as the user confirmed it.
 *
 * @param dateColumn       column with the period dates
 * @param targetColumn     numeric column to forecast
 * @param seriesColumns    columns whose values identify a series; empty for one series of all rows
 * @param covariateColumns driver columns recorded with the history (a single file holds no future values, so
 *                         they are read and checked but do not steer the forecast)
 * @param frequency        day, week or month; {@code null} to infer it from the dates
 * @param horizon          periods to forecast after each series' last date
 * @param intervalLevel    nominal coverage of the prediction intervals, in (0, 1)
 * @param model            {@link ModelCatalog#AUTO} or a model name from {@link ModelCatalog#names()}
 */
public record AdhocMapping(String dateColumn, String targetColumn, List<String> seriesColumns,
                           List<String> covariateColumns, Frequency frequency, int horizon, double intervalLevel,
                           String model) {

    public static final double DEFAULT_INTERVAL = 0.8;

    public AdhocMapping {
        seriesColumns = List.copyOf(seriesColumns);
        covariateColumns = List.copyOf(covariateColumns);
        model = model == null || model.isBlank() ? ModelCatalog.AUTO : model;
    }

    /** A sensible horizon for the frequency: four weeks of days, a quarter of weeks, half a year of months. */
    public static int defaultHorizon(Frequency frequency) {
        if (frequency == null) {
            return 28;
        }
        return switch (frequency) {
            case DAY -> 28;
            case WEEK -> 13;
            case MONTH -> 6;
        };
    }
}
