package com.trendcast.forecast.cli;

import com.trendcast.forecast.ForecastRequest;
import com.trendcast.forecast.engine.Frequency;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The input flags {@code forecast} and {@code backtest} share. */
class InputOptions {

    @Option(names = "--input", required = true, description = "History file: CSV, CSV.gz, XLSX or XLS.")
    Path input;

    @Option(names = "--date", required = true, description = "Column with the period dates.")
    String date;

    @Option(names = "--target", required = true, description = "Numeric column to forecast, e.g. Sales.")
    String target;

    @Option(names = "--series", split = ",", description = "Columns that identify a series, e.g. Store,Dept.")
    List<String> series = new ArrayList<>();

    @Option(names = "--covariates", split = ",",
            description = "Driver columns: numeric, yes/no or categorical, e.g. Promo,StateHoliday,Open.")
    List<String> covariates = new ArrayList<>();

    @Option(names = "--future", description = "File with the series, date and covariate columns over the horizon;"
            + " without it covariates are not known in advance and are not used.")
    Path future;

    @Option(names = "--freq", description = "day, week or month; inferred from the dates when absent.",
            converter = FrequencyConverter.class)
    Frequency frequency;

    @Option(names = "--horizon", required = true, description = "Periods to forecast after each series' last date.")
    int horizon;

    @Option(names = "--interval", defaultValue = "0.8", description = "Prediction interval level (default 0.8).")
    double interval;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for reproducible LSTM runs (default 42).")
    long seed;

    ForecastRequest request(int folds) {
        return new ForecastRequest(input, date, target, series, covariates, future, frequency, horizon, interval,
                seed, folds);
    }

    /** Accepts day, week and month in any case. */
    static final class FrequencyConverter implements ITypeConverter<Frequency> {
        @Override
        public Frequency convert(String value) {
            return Frequency.valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }
}
