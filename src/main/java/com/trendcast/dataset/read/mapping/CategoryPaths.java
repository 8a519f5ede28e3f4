package com.trendcast.dataset.read.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Splits a single "category path" value such as "Home > Kitchen > Mugs" into its levels. */
public final class CategoryPaths {

    private static final Pattern SEPARATOR = Pattern.compile("\\s*[>›/»]\\s*");

    private CategoryPaths() {
    }

    public static boolean looksLikePath(String value) {
        return SEPARATOR.matcher(value.strip()).find();
    }

    /** The non-empty levels, top level first. */
    public static List<String> split(String path) {
        return Arrays.stream(SEPARATOR.split(path.strip())).filter(level -> !level.isBlank()).toList();
    }
}
