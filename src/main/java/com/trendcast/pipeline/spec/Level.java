package com.trendcast.pipeline.spec;

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
}
