package com.trendcast.ui.chart;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One {@code {x, y}} point: a category label or a timestamp with its value.
 * ApexCharts reads this shape the same way as an {@code [x, y]} pair.
 */
public final class DataPoint {

    private final Object x;
    private final Number y;

    private DataPoint(Object x, Number y) {
        this.x = Objects.requireNonNull(x, "x");
        this.y = Objects.requireNonNull(y, "y");
    }

    /** A point on a category axis, or a heatmap cell in column {@code category}. */
    public static DataPoint of(String category, Number value) {
        return new DataPoint(category, value);
    }

    /** A point on a numeric x-axis ({@link AxisType#NUMERIC}), e.g. a false-positive rate on a ROC curve. */
    public static DataPoint xy(double x, Number y) {
        return new DataPoint(x, y);
    }

    /** A point on a datetime axis. */
    public static DataPoint at(long epochMillis, Number value) {
        return new DataPoint(epochMillis, value);
    }

    /** A point on a datetime axis for a calendar day (UTC midnight, see {@link #epochMillis(LocalDate)}). */
    public static DataPoint on(LocalDate date, Number value) {
        return new DataPoint(epochMillis(date), value);
    }

    /**
     * ApexCharts labels datetime axes in UTC by default ({@code xaxis.labels.datetimeUTC}), so a day is
     * sent as its UTC midnight to show the same date in every browser time zone.
     */
    static long epochMillis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
