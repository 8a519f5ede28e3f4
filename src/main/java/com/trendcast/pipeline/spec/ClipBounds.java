package com.trendcast.pipeline.spec;

/**
 * The range a series was clipped to and how many of its values lay outside.
 *
 * @param lower   smallest kept value
 * @param upper   largest kept value
 * @param clipped number of values moved onto a bound
 */
public record ClipBounds(double lower, double upper, int clipped) {

    /** Clips {@code values} in place according to {@code clipping}; {@code NONE} and empty series keep everything. */
    static ClipBounds clip(double[] values, OutlierClipping clipping) {
        if (clipping.method() == OutlierClipping.Method.NONE || values.length == 0) {
            return new ClipBounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0);
        }
        double lower;
        double upper;
        if (clipping.method() == OutlierClipping.Method.IQR) {
            double q1 = Statistics.quantile(values, 0.25);
            double q3 = Statistics.quantile(values, 0.75);
            lower = q1 - clipping.threshold() * (q3 - q1);
            upper = q3 + clipping.threshold() * (q3 - q1);
        } else {
            double mean = Statistics.mean(values, 0, values.length);
            double spread = clipping.threshold() * Statistics.populationStd(values);
            lower = mean - spread;
            upper = mean + spread;
        }
        int clipped = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] < lower || values[i] > upper) {
                values[i] = Math.max(lower, Math.min(upper, values[i]));
                clipped++;
            }
        }
        return new ClipBounds(lower, upper, clipped);
    }
}
