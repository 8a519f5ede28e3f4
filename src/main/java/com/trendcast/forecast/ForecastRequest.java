package com.trendcast.forecast;

import com.trendcast.forecast.engine.Frequency;

import java.nio.file.Path;
import java.util.List;

/**
 * What to forecast or backtest, as the command line, a service or the UI states it.
 *
 * @param input            history file (CSV, CSV.gz, XLSX, XLS)
 * @param dateColumn       column with the period dates
 * @param targetColumn     numeric column to forecast
 * @param seriesColumns    columns whose values identify a series; empty for a single series
 * @param covariateColumns driver columns, numeric, yes/no or categorical
 * @param future           file with the covariates over the horizon, or {@code null}; when present the
 *                         covariates are known in advance and models use them
 * @param frequency        sampling frequency, or {@code null} to infer it from the dates
 * @param horizon          periods to forecast after each series' last date
 * @param intervalLevel    nominal coverage of the prediction intervals, in (0, 1)
 * @param seed             seed of the stochastic models
 * @param folds            rolling-origin folds for model choice, intervals and backtests
 */
public record ForecastRequest(Path input, String dateColumn, String targetColumn, List<String> seriesColumns,
                              List<String> covariateColumns, Path future, Frequency frequency, int horizon,
                              double intervalLevel, long seed, int folds) {

    public ForecastRequest {
        seriesColumns = List.copyOf(seriesColumns);
        covariateColumns = List.copyOf(covariateColumns);
    }
}
