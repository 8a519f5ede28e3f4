package com.trendcast.ui.chart;

import com.fasterxml.jackson.annotation.JsonValue;

/** Per-series drawing type for mixed charts, serialised as ApexCharts' {@code series[].type}. */
public enum SeriesType {
    LINE("line"),
    AREA("area"),
    COLUMN("column"),
    RANGE_AREA("rangeArea");

    private final String apexName;

    SeriesType(String apexName) {
        this.apexName = apexName;
    }

    @JsonValue
    String apexName() {
        return apexName;
    }
}
