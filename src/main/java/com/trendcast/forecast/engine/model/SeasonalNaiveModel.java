package com.trendcast.forecast.engine.model;

import com.trendcast.forecast.engine.FittedModel;
import com.trendcast.forecast.engine.ForecastModel;
import com.trendcast.forecast.engine.TimeSeries;

import java.util.Arrays;

/**
 * Repeats the last full season: the forecast for period {@code n+h} is the value one season earlier. Falls back
 * to the naive forecast when the history is shorter than one season.
 */
public final class SeasonalNaiveModel implements ForecastModel {

    /** 0 means the natural period of the series' frequency. */
    private final int period;

    /** Uses the natural seasonal period of each series' frequency. */
    public SeasonalNaiveModel() {
        this.period = 0;
    }

    /** Uses a fixed period, e.g. 364 for "same weekday last year" on daily data. */
    public SeasonalNaiveModel(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("Period must be positive: " + period);
        }
        this.period = period;
    }

    @Override
    public String name() {
        return period == 0 ? "seasonal-naive" : "seasonal-naive(" + period + ")";
    }

    @Override
    public FittedModel fit(TimeSeries history) {
        double[] values = ModelSupport.requireNonEmpty(history);
        int season = period == 0 ? history.frequency().seasonalPeriod() : period;
        if (values.length < season) {
            double last = values[values.length - 1];
            return (horizon, futureCovariates) -> ModelSupport.constant(horizon, last);
        }
        double[] lastSeason = Arrays.copyOfRange(values, values.length - season, values.length);
        return (horizon, futureCovariates) -> {
            ModelSupport.requireNonNegativeHorizon(horizon);
            double[] forecast = new double[horizon];
            for (int step = 0; step < horizon; step++) {
                forecast[step] = lastSeason[step % season];
            }
            return forecast;
        };
    }
}
