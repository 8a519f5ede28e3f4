package com.trendcast.pipeline.spec;

/**
 * How extreme target values are clipped before scaling.
 *
 * @param method    which bounds
 * @param threshold {@code k} of the IQR bounds {@code [Q1 - k·IQR, Q3 + k·IQR]}, or {@code z} of the bounds
 *                  {@code mean ± z·sd}; ignored for {@link Method#NONE}
 */
public record OutlierClipping(Method method, double threshold) {

    public enum Method {
        NONE,
        IQR,
        Z_SCORE
    }

    public static OutlierClipping none() {
        return new OutlierClipping(Method.NONE, 0);
    }

    public static OutlierClipping iqr(double k) {
        return new OutlierClipping(Method.IQR, k);
    }

    public static OutlierClipping zScore(double z) {
        return new OutlierClipping(Method.Z_SCORE, z);
    }
}
