package com.trendcast.pipeline.spec;

/** Per-series rescaling of the target, so series of very different size can share one model. */
public enum Scaling {
    NONE,
    /** Subtract the mean, divide by the standard deviation. */
    STANDARD,
    /** Map the minimum to 0 and the maximum to 1. */
    MIN_MAX,
    /** {@code ln(1 + x)}: tames the long right tail of sales; needs values above -1. */
    LOG1P
}
