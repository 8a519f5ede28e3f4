package com.trendcast.pipeline.spec;

import com.trendcast.forecast.engine.TimeSeries;

/**
 * One series before and after treatment.
 *
 * @param raw      the regularised series cut to the history window, in sales units
 * @param treated  the same periods clipped and scaled, with the raw series' covariates: the model's target
 * @param clipping the bounds the values were clipped to
 * @param scaling  the fitted scaling, to turn forecasts of {@code treated} back into sales
 */
public record TreatedSeries(TimeSeries raw, TimeSeries treated, ClipBounds clipping, ScalingParameters scaling) {
}
