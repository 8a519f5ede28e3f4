package com.trendcast.ui.chart;

/**
 * One y-axis. Charts with several axes list one per series group and tie each to its series
 * by {@link #seriesName(String)}.
 */
public final class YAxis {

    private Text title;
    private Double min;
    private Double max;
    private Integer decimalsInFloat;
    private Boolean opposite;
    private String seriesName;

    /** A new axis with a title; put the unit in it, e.g. {@code "GMV (¥)"}. */
    public static YAxis titled(String title) {
        return new YAxis().title(title);
    }

    public YAxis title(String title) {
        this.title = new Text(title);
        return this;
    }

    public YAxis min(double min) {
        this.min = min;
        return this;
    }

    public YAxis max(double max) {
        this.max = max;
        return this;
    }

    /** Decimals shown on the axis labels when no {@link ValueFormat} is set. */
    public YAxis decimalsInFloat(int decimals) {
        this.decimalsInFloat = decimals;
        return this;
    }

    /** Draws the axis on the right-hand side. */
    public YAxis opposite(boolean opposite) {
        this.opposite = opposite;
        return this;
    }

    /** The series this axis scales; needed as soon as a chart has more than one y-axis. */
    public YAxis seriesName(String seriesName) {
        this.seriesName = seriesName;
        return this;
    }
}
