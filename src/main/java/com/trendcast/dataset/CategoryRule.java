package com.trendcast.dataset;

import java.util.List;

/** Places a product into a category path (top level first, at most three levels) when the file has no category. */
@FunctionalInterface
public interface CategoryRule {

    List<String> categoryPath(String sku, String productName);
}
