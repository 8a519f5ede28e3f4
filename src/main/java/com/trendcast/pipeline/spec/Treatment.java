package com.trendcast.pipeline.spec;

import com.trendcast.forecast.engine.GapFilling;

/**
 * How each target series is cleaned, in this order: missing periods filled, outliers clipped, then scaled.
 *
 * @param missing  value of periods without sales
 * @param outliers clipping of extreme values
 * @param scaling  per-series rescaling
 */
public record Treatment(GapFilling.Method missing, OutlierClipping outliers, Scaling scaling) {
}
