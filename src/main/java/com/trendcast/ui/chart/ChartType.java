package com.trendcast.ui.chart;

import com.fasterxml.jackson.annotation.JsonValue;

/** Chart kinds the product draws, serialised as ApexCharts' {@code chart.type}. */
public enum ChartType {
    LINE("line"),
    AREA("area"),
    /** Horizontal bars or vertical columns, depending on {@code plotOptions.bar.horizontal}. */
    BAR("bar"),
    RANGE_AREA("rangeArea"),
    HEATMAP("heatmap"),
    DONUT("donut");

    private final String apexName;

    ChartType(String apexName) {
        this.apexName = apexName;
    }

    @JsonValue
    String apexName() {
        return apexName;
    }
}
