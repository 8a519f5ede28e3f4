package com.trendcast.forecast.engine.model;

import com.trendcast.forecast.engine.TimeSeries;

import java.util.Arrays;

/** Checks shared by the models. */
final class ModelSupport {

    private ModelSupport() {
    }

    static double[] requireNonEmpty(TimeSeries history) {
        if (history.length() == 0) {
            throw new IllegalArgumentException("Cannot fit an empty series " + history.key());
        }
        return history.values();
    }

    static void requireNonNegativeHorizon(int horizon) {
        if (horizon < 0) {
            throw new IllegalArgumentException("Horizon must not be negative: " + horizon);
        }
    }

    static double[] constant(int horizon, double value) {
        requireNonNegativeHorizon(horizon);
        double[] forecast = new double[horizon];
        Arrays.fill(forecast, value);
        return forecast;
    }

    /**
     * Replaces non-finite forecasts by {@code fallback}. Numerically extreme fits (e.g. a multiplicative model on
     * a series collapsing towards zero) can overflow, and callers are promised finite forecasts.
     */
    static double[] finiteOr(double[] forecast, double fallback) {
        for (int i = 0; i < forecast.length; i++) {
            if (!Double.isFinite(forecast[i])) {
                forecast[i] = fallback;
            }
        }
        return forecast;
    }
}
