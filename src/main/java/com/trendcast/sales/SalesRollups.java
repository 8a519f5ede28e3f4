package com.trendcast.sales;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pre-summed copies of {@code sales_daily} (migrations V7, V8) that let every drill-down and filter read a few
 * thousand rows instead of scanning the daily table, which in H2 costs seconds per million rows.
 *
 * <p>{@code sales_rollup} drops the product and keeps, per day ({@code bucket 'D'}) and per month
 * ({@code 'M'}), the category path down to {@code depth} levels, split by region and/or channel as
 * {@code breakdown} says ({@link #NO_SPLIT}, {@link #BY_REGION}, {@link #BY_CHANNEL}, {@link #BY_BOTH}; a
 * column that is not split holds {@code ''}). A query reads exactly one (bucket, breakdown, depth) slice, so
 * sums over it equal sums over the daily rows. {@code sales_rollup_product} keeps the product per month for
 * the top-product lists.
 *
 * <p>Day-level slices split by region or channel at the deepest category level are not kept (see
 * {@link #hasDailySlice}): together they held nearly twice as many rows as the daily table. Their queries fix the
 * first two category levels, so the daily table answers them through its sub-category index from a few ten
 * thousand rows. On the generated 1M-row benchmark data the rollups shrink from 4.27M to 2.51M rows.
 *
 * <p>{@link #rebuild} reads the daily rows of the dataset once, sums every slice in memory and batch-inserts the
 * sums in index order, instead of one insert-select per slice (which re-read the large slices and cost minutes
 * per million rows). Rollups are written in the import transaction (a failed import leaves none) and are
 * deleted with their dataset by the foreign key cascade. Every rebuild counts up the dataset's
 * {@code rollup_version}, so cached answers can tell that its sales changed (see {@link SalesAnalyticsCache}).
 */
@Component
public class SalesRollups {

    static final int NO_SPLIT = 0;
    static final int BY_REGION = 1;
    static final int BY_CHANNEL = 2;
    static final int BY_BOTH = 3;
    static final int DEEPEST = 3;

    private static final int BATCH = 5_000;
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Cell> INDEX_ORDER = Comparator.comparing(Cell::bucket)
            .thenComparingInt(Cell::breakdown).thenComparingInt(Cell::depth)
            .thenComparing(Cell::region).thenComparing(Cell::channel)
            .thenComparing(Cell::category1).thenComparing(Cell::category2, NULLS_FIRST)
            .thenComparing(Cell::period);
    private static final Comparator<ProductCell> PRODUCT_ORDER = Comparator.comparingInt(ProductCell::breakdown)
            .thenComparing(ProductCell::region).thenComparing(ProductCell::channel)
            .thenComparing(ProductCell::month).thenComparingLong(ProductCell::productId);

    private final JdbcTemplate jdbc;

    public SalesRollups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether {@code sales_rollup} holds day-level rows for this split and category depth. */
    static boolean hasDailySlice(int breakdown, int depth) {
        return breakdown == NO_SPLIT || depth < DEEPEST;
    }

    /** The breakdown whose rows carry the filtered columns, and nothing finer. */
    static int breakdown(String region, String channel) {
        return (region != null ? BY_REGION : 0) | (channel != null ? BY_CHANNEL : 0);
    }

    /**
     * {@code " and s.breakdown = ..."} for the slice of this filter, with the columns it does not split fixed to
     * {@code ''}: without them the rollup indexes could not reach the category and date columns behind region and
     * channel, and a drill-down would scan its whole slice. The caller adds the filtered region and channel.
     */
    static String slice(String region, String channel) {
        return " and s.breakdown = " + breakdown(region, channel) + (region == null ? " and s.region = ''" : "")
                + (channel == null ? " and s.channel = ''" : "");
    }

    /** Writes the rollups of one dataset from its daily rows, replacing any it had; joins the caller's transaction. */
    public void rebuild(long datasetId) {
        jdbc.update("update dataset set rollup_version = rollup_version + 1 where id = ?", datasetId);
        jdbc.update("delete from sales_rollup where dataset_id = ?", datasetId);
        jdbc.update("delete from sales_rollup_product where dataset_id = ?", datasetId);
        Sums sums = new Sums();
        jdbc.query("select sale_date, region, channel, category1, category2, category3, product_id, revenue, units,"
                        + " orders, revenue * coalesce(promo_share, 0) from sales_daily where dataset_id = ?",
                rs -> {
                    sums.add(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getLong(7), rs.getDouble(8), rs.getDouble(9),
                            rs.getLong(10), rs.getDouble(11));
                }, datasetId);
        insertRollups(datasetId, sums);
        insertProductRollups(datasetId, sums);
    }

    private void insertRollups(long datasetId, Sums sums) {
        List<Map.Entry<Cell, double[]>> rows = new ArrayList<>(sums.cells.entrySet());
        sums.cells.clear();
        rows.sort(Map.Entry.comparingByKey(INDEX_ORDER));
        jdbc.batchUpdate("insert into sales_rollup (dataset_id, bucket, breakdown, depth, region, channel, period_start,"
                        + " category1, category2, category3, revenue, units, orders, promo_revenue)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, BATCH,
                (insert, row) -> {
                    Cell cell = row.getKey();
                    double[] sum = row.getValue();
                    insert.setLong(1, datasetId);
                    insert.setString(2, String.valueOf(cell.bucket()));
                    insert.setInt(3, cell.breakdown());
                    insert.setInt(4, cell.depth());
                    insert.setString(5, cell.region());
                    insert.setString(6, cell.channel());
                    insert.setDate(7, Date.valueOf(cell.period()));
                    insert.setString(8, cell.category1());
                    insert.setString(9, cell.category2());
                    insert.setString(10, cell.category3());
                    insert.setDouble(11, sum[0]);
                    insert.setDouble(12, sum[1]);
                    insert.setLong(13, (long) sum[2]);
                    insert.setDouble(14, sum[3]);
                });
    }

    private void insertProductRollups(long datasetId, Sums sums) {
        List<Map.Entry<ProductCell, double[]>> rows = new ArrayList<>(sums.products.entrySet());
        sums.products.clear();
        rows.sort(Map.Entry.comparingByKey(PRODUCT_ORDER));
        jdbc.batchUpdate("insert into sales_rollup_product (dataset_id, breakdown, region, channel, month_start,"
                        + " product_id, category1, category2, category3, revenue, units)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, BATCH,
                (insert, row) -> {
                    ProductCell cell = row.getKey();
                    double[] sum = row.getValue();
                    insert.setLong(1, datasetId);
                    insert.setInt(2, cell.breakdown());
                    insert.setString(3, cell.region());
                    insert.setString(4, cell.channel());
                    insert.setDate(5, Date.valueOf(cell.month()));
                    insert.setLong(6, cell.productId());
                    insert.setString(7, cell.category1());
                    insert.setString(8, cell.category2());
                    insert.setString(9, cell.category3());
                    insert.setDouble(10, sum[0]);
                    insert.setDouble(11, sum[1]);
                });
    }

    /** One row of {@code sales_rollup}: everything but the sums. */
    private record Cell(char bucket, int breakdown, int depth, String region, String channel, LocalDate period,
                        String category1, String category2, String category3) {
    }

    /** One row of {@code sales_rollup_product}: everything but the sums (the category path is the product's). */
    private record ProductCell(int breakdown, String region, String channel, LocalDate month, long productId,
                               String category1, String category2, String category3) {
    }

    /** The sums of every slice, {revenue, units, orders, promotion revenue} per cell. */
    private static final class Sums {
        private final Map<Cell, double[]> cells = new HashMap<>();
        private final Map<ProductCell, double[]> products = new HashMap<>();
        /** One instance per first day of a month. */
        private final Map<LocalDate, LocalDate> months = new HashMap<>();

        void add(LocalDate day, String region, String channel, String category1, String category2, String category3,
                 long productId, double revenue, double units, long orders, double promotion) {
            LocalDate month = months.computeIfAbsent(day.withDayOfMonth(1), first -> first);
            for (int breakdown = NO_SPLIT; breakdown <= BY_BOTH; breakdown++) {
                String splitRegion = (breakdown & BY_REGION) != 0 ? region : "";
                String splitChannel = (breakdown & BY_CHANNEL) != 0 ? channel : "";
                for (int depth = 1; depth <= DEEPEST; depth++) {
                    String level2 = depth >= 2 ? category2 : null;
                    String level3 = depth >= 3 ? category3 : null;
                    if (hasDailySlice(breakdown, depth)) {
                        add(cells, new Cell('D', breakdown, depth, splitRegion, splitChannel, day, category1, level2,
                                level3), revenue, units, orders, promotion);
                    }
                    add(cells, new Cell('M', breakdown, depth, splitRegion, splitChannel, month, category1, level2,
                            level3), revenue, units, orders, promotion);
                }
                add(products, new ProductCell(breakdown, splitRegion, splitChannel, month, productId, category1,
                        category2, category3), revenue, units, 0, 0);
            }
        }

        private static <K> void add(Map<K, double[]> sums, K key, double revenue, double units, long orders,
                                    double promotion) {
            double[] sum = sums.computeIfAbsent(key, k -> new double[4]);
            sum[0] += revenue;
            sum[1] += units;
            sum[2] += orders;
            sum[3] += promotion;
        }
    }
}
