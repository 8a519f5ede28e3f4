package com.trendcast.sales;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Pre-summed copies of {@code sales_daily} (migration V7) that let every drill-down and filter read a few
 * thousand rows instead of scanning the daily table, which in H2 costs seconds per million rows.
 *
 * <p>{@code sales_rollup} drops the product and keeps, per day ({@code bucket 'D'}) and per month
 * ({@code 'M'}), the category path down to {@code depth} levels, split by region and/or channel as
 * {@code breakdown} says ({@link #NO_SPLIT}, {@link #BY_REGION}, {@link #BY_CHANNEL}, {@link #BY_BOTH}; a
 * column that is not split holds {@code ''}). A query reads exactly one (bucket, breakdown, depth) slice, so
 * sums over it equal sums over the daily rows. {@code sales_rollup_product} keeps the product per month for
 * the top-product lists.
 *
 * <p>Rollups are written in the import transaction (a failed import leaves none) and are deleted with their
 * dataset by the foreign key cascade. Every coarser slice is summed from a finer rollup slice, so the daily
 * table is scanned once per rollup table.
 */
@Component
public class SalesRollups {

    static final int NO_SPLIT = 0;
    static final int BY_REGION = 1;
    static final int BY_CHANNEL = 2;
    static final int BY_BOTH = 3;
    static final int DEEPEST = 3;

    private static final String SUMS = "revenue, units, orders, promo_revenue";
    private static final String ROLLUP_COLUMNS = "dataset_id, bucket, breakdown, depth, region, channel, period_start,"
            + " category1, category2, category3, " + SUMS;
    private static final String PRODUCT_COLUMNS = "dataset_id, breakdown, region, channel, month_start, product_id,"
            + " category1, category2, category3, revenue, units";
    private static final String MONTH_OF_DAY = "cast(date_trunc('month', %s) as date)";

    private final JdbcTemplate jdbc;

    public SalesRollups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the rollups of one dataset from its daily rows, replacing any it had; joins the caller's transaction. */
    public void rebuild(long datasetId) {
        jdbc.update("delete from sales_rollup where dataset_id = ?", datasetId);
        jdbc.update("delete from sales_rollup_product where dataset_id = ?", datasetId);
        for (String statement : statements(" and dataset_id = " + datasetId)) {
            jdbc.update(statement);
        }
    }

    /** The breakdown whose rows carry the filtered columns, and nothing finer. */
    static int breakdown(String region, String channel) {
        return (region != null ? BY_REGION : 0) | (channel != null ? BY_CHANNEL : 0);
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
