package com.trendcast.ui.chart;

import java.time.LocalDate;
import java.util.Objects;

/** One {@code {x, y: [low, high]}} point of a range-area series, e.g. a forecast interval. */
public final class RangePoint {

    private final Object x;
    private final double[] y;

    private RangePoint(Object x, double low, double high) {
        if (low > high) {
            throw new IllegalArgumentException("low " + low + " is above high " + high);
        }
        this.x = Objects.requireNonNull(x, "x");
        this.y = new double[] {low, high};
    }

    /** An interval at a category. */
    public static RangePoint of(String category, double low, double high) {
        return new RangePoint(category, low, high);
    }

    /** An interval at a timestamp on a datetime axis. */
    public static RangePoint at(long epochMillis, double low, double high) {
        return new RangePoint(epochMillis, low, high);
    }

    /** An interval on a calendar day of a datetime axis (UTC midnight, as {@link DataPoint#on}). */
    public static RangePoint on(LocalDate date, double low, double high) {
        return new RangePoint(DataPoint.epochMillis(date), low, high);
    }
}
