package com.trendcast.sales;

import java.time.LocalDate;
import java.util.List;

/**
 * What part of the sales a view looks at: a date range (either end open), a drill path down the
 * category tree (level 1, 2, 3), and optionally one region/store and one channel.
 */
public record SalesFilter(LocalDate from, LocalDate to, List<String> categoryPath, String region, String channel) {

    public static final int MAX_DEPTH = 3;

    public SalesFilter {
        categoryPath = List.copyOf(categoryPath == null ? List.of() : categoryPath);
        if (categoryPath.size() > MAX_DEPTH) {
            throw new IllegalArgumentException("a category path has at most " + MAX_DEPTH + " levels");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
        region = blankToNull(region);
        channel = blankToNull(channel);
    }

    public static SalesFilter all() {
        return new SalesFilter(null, null, List.of(), null, null);
    }

    public SalesFilter withRange(LocalDate newFrom, LocalDate newTo) {
        return new SalesFilter(newFrom, newTo, categoryPath, region, channel);
    }

    public SalesFilter withPath(List<String> path) {
        return new SalesFilter(from, to, path, region, channel);
    }

    /** True when the drill path reaches the deepest category level, where the breakdown lists products. */
    public boolean atProductLevel() {
        return categoryPath.size() == MAX_DEPTH;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
