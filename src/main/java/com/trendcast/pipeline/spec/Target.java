package com.trendcast.pipeline.spec;

/** The sales measure a pipeline forecasts, with the {@code sales_daily} column it sums. */
public enum Target {
    UNITS("units"),
    REVENUE("revenue");

    private final String column;

    Target(String column) {
        this.column = column;
    }

    /** Column of {@code sales_daily} holding the measure. */
    public String column() {
        return column;
    }
}
