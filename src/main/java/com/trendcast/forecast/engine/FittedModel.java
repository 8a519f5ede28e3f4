package com.trendcast.forecast.engine;

import java.util.Map;

/** A model fitted to one history; immutable and safe to share between threads. */
public interface FittedModel {

    /**
     * Point forecasts for the {@code horizon} periods after the history; always finite.
     *
     * @param futureCovariates values of the known-in-advance covariates over the horizon, by name; models that
     *                         use no covariates ignore them
     * @throws IllegalArgumentException if a covariate the model was fitted with is missing or too short
     */
    double[] predict(int horizon, Map<String, double[]> futureCovariates);

    /** Point forecasts without covariates. */
    default double[] predict(int horizon) {
        return predict(horizon, Map.of());
    }
}
