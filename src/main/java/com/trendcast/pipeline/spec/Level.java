package com.trendcast.pipeline.spec;

import java.util.ArrayList;
import java.util.List;

/** The grain of the series a pipeline produces: one series in total, per category level or per product. */
public enum Level {
    TOTAL(0),
    CATEGORY1(1),
    CATEGORY2(2),
    CATEGORY3(3),
    PRODUCT(3);

    private final int categoryDepth;

    Level(int categoryDepth) {
        this.categoryDepth = categoryDepth;
    }

    /** How many category levels make up a series key (a product key adds its SKU after them). */
    public int categoryDepth() {
        return categoryDepth;
    }

    /**
     * Names of the parts of a series key at this level, for tables and exports: {@code category1} to
     * {@code category3} for the category levels, then {@code sku} for a product.
     */
    public List<String> seriesKeyColumns() {
        List<String> columns = new ArrayList<>();
        for (int depth = 1; depth <= categoryDepth; depth++) {
            columns.add("category" + depth);
        }
        if (this == PRODUCT) {
            columns.add("sku");
        }
        return List.copyOf(columns);
    }
}
