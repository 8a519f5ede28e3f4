package com.trendcast.forecast.engine.model;

import com.trendcast.forecast.engine.FittedModel;
import com.trendcast.forecast.engine.ForecastModel;
import com.trendcast.forecast.engine.TimeSeries;

/** Repeats the last observation: the baseline every other model has to beat. */
public final class NaiveModel implements ForecastModel {

    @Override
    public String name() {
        return "naive";
    }

    @Override
    public FittedModel fit(TimeSeries history) {
        double[] values = ModelSupport.requireNonEmpty(history);
        double last = values[values.length - 1];
        return (horizon, futureCovariates) -> ModelSupport.constant(horizon, last);
    }
}
