package com.trendcast.ui.chart;

import com.fasterxml.jackson.annotation.JsonValue;

/** How ApexCharts interprets x values ({@code xaxis.type}). */
public enum AxisType {
    CATEGORY("category"),
    /** x values are epoch milliseconds. */
    DATETIME("datetime"),
    NUMERIC("numeric");

    private final String apexName;

    AxisType(String apexName) {
        this.apexName = apexName;
    }

    @JsonValue
    String apexName() {
        return apexName;
    }
}
