package com.trendcast.pipeline.spec;

/**
 * A stored driver used as covariate.
 *
 * @param source         which stored driver
 * @param knownInAdvance true when its future values are planned (price lists, promotion calendars) and can be
 *                       supplied over the horizon; models needing future values use only these
 */
public record CovariateChoice(DataCovariate source, boolean knownInAdvance) {
}
