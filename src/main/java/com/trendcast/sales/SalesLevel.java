package com.trendcast.sales;

/** The grain of a sales breakdown: top-level categories, the sub-categories of one category, or products. */
public enum SalesLevel {
    CATEGORY, SUBCATEGORY, PRODUCT
}
