package com.trendcast.ui.chart;

import java.util.Objects;

/**
 * One band of a heatmap colour scale: cells whose value lies in {@code [from, to]} get {@code color}.
 *
 * @param name legend label for the band, or {@code null} to let ApexCharts show the numeric range
 */
public record ColorRange(double from, double to, String color, String name) {

    public ColorRange {
        Objects.requireNonNull(color, "color");
        if (from > to) {
            throw new IllegalArgumentException("from " + from + " is above to " + to);
        }
    }
}
