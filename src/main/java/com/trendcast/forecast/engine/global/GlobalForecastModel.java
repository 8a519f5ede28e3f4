package com.trendcast.forecast.engine.global;

import com.trendcast.forecast.engine.TimeSeries;

import java.util.List;
import java.util.Map;

/**
 * A forecasting method that learns from a whole panel of series at once, so short or noisy series borrow
 * strength from the others. Fitting and forecasting are one call because a global model is only ever used for
 * the panel it was trained on; implementations are stateless.
 */
public interface GlobalForecastModel {

    /** Short, stable name used in reports and for model selection. */
    String name();

    /**
     * Learns from {@code histories} and forecasts the {@code horizon} periods after the end of each one.
     *
     * @param histories        the panel; all of one frequency
     * @param horizon          periods to forecast, at least 1
     * @param futureCovariates per series (same order), the known-in-advance covariates over its horizon
     * @return point forecasts, one array of {@code horizon} finite values per series, in panel order
     */
    List<double[]> forecast(List<TimeSeries> histories, int horizon, List<Map<String, double[]>> futureCovariates);
}
