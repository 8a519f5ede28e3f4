package com.trendcast.forecast.engine;

import java.util.Map;

/**
 * A forecasting method. Implementations are immutable and stateless, so one instance can fit many series
 * concurrently; everything learned from a history lives in the returned {@link FittedModel}.
 */
public interface ForecastModel {

    /** Short, stable name used in reports and for model selection. */
    String name();

    /**
     * Learns from {@code history}, including any covariates it carries.
     *
     * @throws IllegalArgumentException if the history is empty
     */
    FittedModel fit(TimeSeries history);

    /** Fits {@code history} and forecasts the next {@code horizon} periods without interval. */
    default Forecast forecast(TimeSeries history, int horizon, Map<String, double[]> futureCovariates) {
        return Forecast.pointOnly(history, fit(history).predict(horizon, futureCovariates));
    }

    /** Fits {@code history} and forecasts the next {@code horizon} periods, for models without covariates. */
    default Forecast forecast(TimeSeries history, int horizon) {
        return forecast(history, horizon, Map.of());
    }
}
