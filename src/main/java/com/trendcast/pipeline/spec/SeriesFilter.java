package com.trendcast.pipeline.spec;

import java.util.List;

/**
 * Which stored sales feed a pipeline.
 *
 * @param categoryPath category prefix, from category 1 downwards; empty for all categories
 * @param region       one region, or null for all
 * @param channel      one channel, or null for all
 */
public record SeriesFilter(List<String> categoryPath, String region, String channel) {

    public SeriesFilter {
        categoryPath = categoryPath == null ? List.of() : List.copyOf(categoryPath);
        region = blankToNull(region);
        channel = blankToNull(channel);
    }

    /** No filter: every category, region and channel. */
    public static SeriesFilter all() {
        return new SeriesFilter(List.of(), null, null);
    }

    /** The first category of the path, which decides who may see the pipeline; null when the path is empty. */
    public String category1() {
        return categoryPath.isEmpty() ? null : categoryPath.get(0);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
