package com.trendcast.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The rollup rebuild as migration V7 shipped it, one insert-select per slice, each coarser slice summed from a finer
 * one: the reference {@code SalesQueryBenchmark} times the in-memory rebuild against on the same rows.
 */
final class V7Rollups {

    private static final int NO_SPLIT = 0;
    private static final int BY_REGION = 1;
    private static final int BY_CHANNEL = 2;
    private static final int BY_BOTH = 3;
    private static final int DEEPEST = 3;

    private static final String SUMS = "revenue, units, orders, promo_revenue";
    private static final String ROLLUP_COLUMNS = "dataset_id, bucket, breakdown, depth, region, channel, period_start,"
            + " category1, category2, category3, " + SUMS;
    private static final String PRODUCT_COLUMNS = "dataset_id, breakdown, region, channel, month_start, product_id,"
            + " category1, category2, category3, revenue, units";
    private static final String MONTH_OF_DAY = "cast(date_trunc('month', %s) as date)";

    private V7Rollups() {
    }

    /** The insert statements, each limited by {@code datasetCondition} ({@code " and ..."} on {@code dataset_id}). */
    static List<String> statements(String datasetCondition) {
        List<String> statements = new ArrayList<>();
        statements.add("insert into sales_rollup (" + ROLLUP_COLUMNS + ") select dataset_id, 'D', " + BY_BOTH + ", "
                + DEEPEST + ", region, channel, sale_date, category1, category2, category3, sum(revenue), sum(units),"
                + " sum(orders), sum(revenue * coalesce(promo_share, 0)) from sales_daily where 1 = 1" + datasetCondition
                + " group by dataset_id, region, channel, sale_date, category1, category2, category3");
        // Each slice from the smallest finer one: one category level deeper, or at the deepest level the split
        // by both (for region, for channel) and by region (for no split).
        for (int depth = DEEPEST; depth >= 1; depth--) {
            for (int breakdown : new int[]{BY_REGION, BY_CHANNEL, NO_SPLIT, BY_BOTH}) {
                if (breakdown == BY_BOTH && depth == DEEPEST) {
                    continue;
                }
                int sourceBreakdown = depth < DEEPEST ? breakdown : breakdown == NO_SPLIT ? BY_REGION : BY_BOTH;
                int sourceDepth = depth < DEEPEST ? depth + 1 : DEEPEST;
                String region = (breakdown & BY_REGION) != 0 ? "region" : null;
                String channel = (breakdown & BY_CHANNEL) != 0 ? "channel" : null;
                String category2 = depth >= 2 ? "category2" : null;
                String category3 = depth >= 3 ? "category3" : null;
                statements.add("insert into sales_rollup (" + ROLLUP_COLUMNS + ") select dataset_id, 'D', " + breakdown
                        + ", " + depth + ", " + orEmpty(region) + ", " + orEmpty(channel) + ", period_start, category1, "
                        + orNull(category2) + ", " + orNull(category3) + ", sum(revenue), sum(units), sum(orders),"
                        + " sum(promo_revenue) from sales_rollup where bucket = 'D' and breakdown = " + sourceBreakdown
                        + " and depth = " + sourceDepth + datasetCondition + " group by dataset_id, period_start, category1"
                        + groupedToo(region, channel, category2, category3));
            }
        }
        String month = MONTH_OF_DAY.formatted("period_start");
        statements.add("insert into sales_rollup (" + ROLLUP_COLUMNS + ") select dataset_id, 'M', breakdown, depth,"
                + " region, channel, " + month + ", category1, category2, category3, sum(revenue), sum(units),"
                + " sum(orders), sum(promo_revenue) from sales_rollup where bucket = 'D'" + datasetCondition
                + " group by dataset_id, breakdown, depth, region, channel, " + month
                + ", category1, category2, category3");
        statements.add("insert into sales_rollup_product (" + PRODUCT_COLUMNS + ") select dataset_id, " + BY_BOTH
                + ", region, channel, " + MONTH_OF_DAY.formatted("sale_date") + ", product_id, category1, category2,"
                + " category3, sum(revenue), sum(units) from sales_daily where 1 = 1" + datasetCondition
                + " group by dataset_id, region, channel, " + MONTH_OF_DAY.formatted("sale_date")
                + ", product_id, category1, category2, category3");
        for (int breakdown = NO_SPLIT; breakdown < BY_BOTH; breakdown++) {
            String region = (breakdown & BY_REGION) != 0 ? "region" : null;
            String channel = (breakdown & BY_CHANNEL) != 0 ? "channel" : null;
            statements.add("insert into sales_rollup_product (" + PRODUCT_COLUMNS + ") select dataset_id, " + breakdown
                    + ", " + orEmpty(region) + ", " + orEmpty(channel) + ", month_start, product_id, category1,"
                    + " category2, category3, sum(revenue), sum(units) from sales_rollup_product where breakdown = "
                    + BY_BOTH + datasetCondition + " group by dataset_id, month_start, product_id, category1, category2,"
                    + " category3" + groupedToo(region, channel));
        }
        return statements;
    }

    private static String orEmpty(String column) {
        return column == null ? "''" : column;
    }

    private static String orNull(String column) {
        return column == null ? "cast(null as varchar(200))" : column;
    }

    private static String groupedToo(String... columns) {
        StringBuilder sql = new StringBuilder();
        for (String column : columns) {
            if (column != null) {
                sql.append(", ").append(column);
            }
        }
        return sql.toString();
    }
}
