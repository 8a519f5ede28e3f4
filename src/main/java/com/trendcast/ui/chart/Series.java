package com.trendcast.ui.chart;

import java.util.List;
import java.util.Objects;

/** One named data series of an axis chart, or one row of a heatmap. Immutable. */
public final class Series {

    private final String name;
    private final SeriesType type;
    private final String color;
    private final List<?> data;

    private Series(String name, SeriesType type, String color, List<?> data) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
        this.color = color;
        this.data = data;
    }

    /** Plain values, one per category of the x-axis. */
    public static Series of(String name, List<? extends Number> values) {
        return new Series(name, null, null, List.copyOf(values));
    }

    /** {@code {x, y}} points: dated values on a datetime axis, or the cells of a heatmap row. */
    public static Series points(String name, List<DataPoint> points) {
        return new Series(name, null, null, List.copyOf(points));
    }

    /** Intervals drawn as a shaded band; such a series is always of type {@link SeriesType#RANGE_AREA}. */
    public static Series ranges(String name, List<RangePoint> ranges) {
        return new Series(name, SeriesType.RANGE_AREA, null, List.copyOf(ranges));
    }

    /** A copy drawn as {@code type}, for mixed charts such as columns with a line. */
    public Series withType(SeriesType type) {
        return new Series(name, type, color, data);
    }

    /** A copy with its own colour (CSS colour), overriding the chart palette. */
    public Series withColor(String color) {
        return new Series(name, type, color, data);
    }

    SeriesType type() {
        return type;
    }
}
