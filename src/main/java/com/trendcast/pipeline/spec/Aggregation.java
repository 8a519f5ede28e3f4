package com.trendcast.pipeline.spec;

/** How daily values combine into a week or month; sales quantities add up. */
public enum Aggregation {
    SUM
}
