package com.trendcast.sales;

import com.trendcast.dataset.DatasetImportService;
import com.trendcast.dataset.ImportRequest;
import com.trendcast.dataset.ImportResult;
import com.trendcast.dataset.read.mapping.ColumnMapping;
import com.trendcast.security.AccessScope;
import com.trendcast.testsupport.SalesFixtures;
import com.trendcast.testsupport.SchemaFacts;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The rollups hold exactly the daily sums, live and die with their dataset, and change no analytics answer. */
@SpringBootTest
class SalesRollupsTest {

    private static final AccessScope ADMIN = new AccessScope("root", true, Set.of());
    private static final LocalDate JAN_30 = LocalDate.of(2024, 1, 30);

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private NamedParameterJdbcTemplate named;
    @Autowired
    private SalesAnalyticsService analytics;
    @Autowired
    private SalesQueryService overview;
    @Autowired
    private SalesRollups rollups;
    @Autowired
    private DatasetImportService imports;
    @Autowired
    private PlatformTransactionManager transactions;

    private long datasetId;

    /**
     * Revenue by region and month (units, promotion in brackets):
     * North: Jan 30 (A 20 [promo 20] + A 10 web), Feb 25 (C), Mar 95 (D 80 web + B 15);
     * South: Jan 45 (B), Feb 52 (A 12 web [promo 6] + D 40). Total 247, 16 units, 8 orders, promotion 26.
     */
    @BeforeEach
    void storeSales() {
        jdbc.update("delete from dataset");
        SalesFixtures fixtures = SalesFixtures.newDataset(jdbc, "rollup fixture");
        datasetId = fixtures.datasetId();
        long pan = fixtures.product("A", "Pan", "Kitchen", "Cookware", "Pans");
        long pot = fixtures.product("B", "Pot", "Kitchen", "Cookware", "Pots");
        long mug = fixtures.product("C", "Mug", "Kitchen", "Tableware", "Mugs");
        long hose = fixtures.product("D", "Hose", "Garden", "Watering", "Hoses");
        fixtures.sale(pan, JAN_30, "North", "Store", 2, 20, 1);
        fixtures.sale(pan, LocalDate.of(2024, 1, 31), "North", "Web", 1, 10, 0);
        fixtures.sale(pot, LocalDate.of(2024, 1, 31), "South", "Store", 3, 45, 0);
        fixtures.sale(pan, LocalDate.of(2024, 2, 1), "South", "Web", 1, 12, 0.5);
        fixtures.sale(mug, LocalDate.of(2024, 2, 15), "North", "Store", 5, 25, 0);
        fixtures.sale(hose, LocalDate.of(2024, 2, 29), "South", "Store", 1, 40, 0);
        fixtures.sale(hose, LocalDate.of(2024, 3, 1), "North", "Web", 2, 80, 0);
        fixtures.sale(pot, LocalDate.of(2024, 3, 1), "North", "Store", 1, 15, 0);
    }

    @Test
    void everySliceSumsToTheDailyTotals() {
        List<Map<String, Object>> slices = jdbc.queryForList("select bucket, breakdown, depth, sum(revenue) as revenue,"
                + " sum(units) as units, sum(orders) as orders, sum(promo_revenue) as promo from sales_rollup"
                + " where dataset_id = ? group by bucket, breakdown, depth", datasetId);

        // 12 monthly slices; daily ones all but the region, channel and both splits at the deepest level
        assertThat(slices).hasSize(12 + 12 - 3);
        for (Map<String, Object> slice : slices) {
            assertThat(((Number) slice.get("REVENUE")).doubleValue()).as(slice.toString()).isCloseTo(247, within(1e-9));
            assertThat(((Number) slice.get("UNITS")).doubleValue()).as(slice.toString()).isCloseTo(16, within(1e-9));
            assertThat(((Number) slice.get("ORDERS")).longValue()).as(slice.toString()).isEqualTo(8);
            assertThat(((Number) slice.get("PROMO")).doubleValue()).as(slice.toString()).isCloseTo(26, within(1e-9));
        }
        List<Map<String, Object>> products = jdbc.queryForList("select breakdown, sum(revenue) as revenue"
                + " from sales_rollup_product where dataset_id = ? group by breakdown", datasetId);
        assertThat(products).hasSize(4).allSatisfy(slice ->
                assertThat(((Number) slice.get("REVENUE")).doubleValue()).isCloseTo(247, within(1e-9)));
    }

    @Test
    void monthsByRegionAtTheSubcategoryLevelHoldTheHandCheckedSums() {
        Map<String, Double> cells = new TreeMap<>();
        jdbc.query("select region, period_start, category1, category2, category3, revenue from sales_rollup"
                + " where dataset_id = ? and bucket = 'M' and breakdown = 1 and depth = 2", rs -> {
            assertThat(rs.getString(5)).isNull();
            cells.put(rs.getString(1) + " " + rs.getDate(2) + " " + rs.getString(3) + "/" + rs.getString(4),
                    rs.getDouble(6));
        }, datasetId);

        assertThat(cells).containsExactlyInAnyOrderEntriesOf(Map.of(
                "North 2024-01-01 Kitchen/Cookware", 30.0,
                "North 2024-02-01 Kitchen/Tableware", 25.0,
                "North 2024-03-01 Garden/Watering", 80.0,
                "North 2024-03-01 Kitchen/Cookware", 15.0,
                "South 2024-01-01 Kitchen/Cookware", 45.0,
                "South 2024-02-01 Kitchen/Cookware", 12.0,
                "South 2024-02-01 Garden/Watering", 40.0));
        Map<String, Double> days = new TreeMap<>();
        jdbc.query("select period_start, category1, revenue from sales_rollup where dataset_id = ? and bucket = 'D'"
                + " and breakdown = 0 and depth = 1 and period_start <= ?", rs -> {
            days.put(rs.getDate(1) + " " + rs.getString(2), rs.getDouble(3));
        }, datasetId, Date.valueOf(LocalDate.of(2024, 1, 31)));
        assertThat(days).containsExactlyInAnyOrderEntriesOf(Map.of(
                "2024-01-30 Kitchen", 20.0, "2024-01-31 Kitchen", 55.0));
    }

    @Test
    void productsOfARangeCuttingMonthsComeOutExact() {
        // 2024-01-31 .. 2024-03-01: the last day of January, all of February, the first of March
        SalesFilter range = SalesFilter.all().withRange(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 3, 1));

        assertThat(analytics.analyse(ADMIN, range, 10).topProducts())
                .extracting(SalesAnalytics.Slice::key, SalesAnalytics.Slice::revenue)
                .containsExactly(Tuple.tuple("D", 120.0), Tuple.tuple("B", 60.0),
                        Tuple.tuple("C", 25.0), Tuple.tuple("A", 22.0));
        SalesFilter north = new SalesFilter(range.from(), range.to(), List.of(), "North", null);
        assertThat(analytics.analyse(ADMIN, north, 10).topProducts())
                .extracting(SalesAnalytics.Slice::key, SalesAnalytics.Slice::revenue)
                .containsExactly(Tuple.tuple("D", 80.0), Tuple.tuple("C", 25.0),
                        Tuple.tuple("B", 15.0), Tuple.tuple("A", 10.0));
    }

    @Test
    void analyticsAnswersEqualThoseOfTheDailyTable() {
        AccessScope garden = new AccessScope("garden", false, Set.of("Garden"));
        List<SalesFilter> filters = new ArrayList<>();
        for (LocalDate[] range : new LocalDate[][]{{JAN_30, LocalDate.of(2024, 3, 31)},
                {LocalDate.of(2024, 1, 31), LocalDate.of(2024, 3, 1)}, {LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)},
                {LocalDate.of(2024, 2, 10), LocalDate.of(2024, 2, 20)}}) {
            for (List<String> path : List.of(List.<String>of(), List.of("Kitchen"), List.of("Kitchen", "Cookware"),
                    List.of("Kitchen", "Cookware", "Pans"))) {
                filters.add(new SalesFilter(range[0], range[1], path, null, null));
                filters.add(new SalesFilter(range[0], range[1], path, "North", null));
                filters.add(new SalesFilter(range[0], range[1], path, null, "Web"));
                filters.add(new SalesFilter(range[0], range[1], path, "North", "Store"));
            }
        }
        for (AccessScope scope : List.of(ADMIN, garden)) {
            for (SalesFilter filter : filters) {
                SalesAnalytics result = analytics.analyse(scope, filter, 10);
                Daily expected = daily(scope, filter);
                String what = scope.username() + " " + filter;
                assertThat(result.current().revenue()).as(what).isCloseTo(expected.revenue, within(1e-9));
                assertThat(result.current().units()).as(what).isCloseTo(expected.units, within(1e-9));
                assertThat(result.current().orders()).as(what).isEqualTo(expected.orders);
                assertThat(result.promotionRevenue()).as(what).isCloseTo(expected.promotion, within(1e-9));
                assertThat(result.daily()).as(what).extracting(SalesAnalytics.Period::day)
                        .containsExactlyElementsOf(expected.byDay.keySet());
                assertThat(result.daily()).as(what).extracting(SalesAnalytics.Period::revenue)
                        .containsExactlyElementsOf(expected.byDay.values());
                Map<String, Double> breakdown = new TreeMap<>();
                result.breakdown().forEach(slice -> breakdown.put(slice.key(), slice.revenue()));
                assertThat(breakdown).as(what).isEqualTo(result.breakdownIsProducts() ? expected.byProduct : expected.byChild);
                Map<String, Double> top = new TreeMap<>();
                result.topProducts().forEach(slice -> top.put(slice.key(), slice.revenue()));
                assertThat(top).as(what).isEqualTo(expected.byProduct);
            }
        }
    }

    @Test
    void overviewCountsActiveProductsAndMoversFromTheDailyRows() {
        SalesOverview result = overview.overview(ADMIN, 30);

        // latest 2024-03-01; current 2024-02-01..03-01: 12 + 25 + 40 + 80 + 15 = 172 from A, C, D, B;
        // previous 2024-01-02..01-31: 20 + 10 + 45 = 75
        assertThat(result.latestDay()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(result.revenue()).isCloseTo(172, within(1e-9));
        assertThat(result.previousRevenue()).isCloseTo(75, within(1e-9));
        assertThat(result.activeProducts()).isEqualTo(4);
        // changes: D +120, B -30 (15 - 45), C +25, A -18 (12 - 30)
        assertThat(result.movers()).extracting(SalesOverview.ProductMover::sku).containsExactly("D", "B", "C", "A");
        assertThat(result.topCategories()).extracting(SalesOverview.CategoryTotal::category, SalesOverview.CategoryTotal::revenue)
                .containsExactly(Tuple.tuple("Garden", 120.0),
                        Tuple.tuple("Kitchen", 52.0));
    }

    @Test
    void rollupsGoWithTheirDataset() {
        assertThat(rollupRows(datasetId)).isPositive();

        jdbc.update("delete from dataset where id = ?", datasetId);

        assertThat(rollupRows(datasetId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from sales_rollup_product where dataset_id = ?", Long.class,
                datasetId)).isZero();
    }

    @Test
    void productRollupsAreTiedToTheirDatasetAlone() {
        assertThat(SchemaFacts.foreignKeyColumns(jdbc, "sales_rollup_product")).containsExactly("dataset_id");
        assertThat(jdbc.queryForObject("select count(*) from information_schema.index_columns"
                + " where table_name = 'SALES_ROLLUP_PRODUCT' and column_name = 'PRODUCT_ID' and ordinal_position = 1",
                Long.class)).isZero();
    }

    @Test
    void aRolledBackTransactionLeavesNoRollupRows() {
        long before = jdbc.queryForObject("select count(*) from sales_rollup", Long.class);
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            SalesFixtures fixtures = SalesFixtures.newDataset(jdbc, "rolled back");
            long product = fixtures.product("X", "X", "Kitchen", "Cookware", "Pans");
            fixtures.sale(product, JAN_30, "North", "Store", 1, 10, 0);
            assertThat(rollupRows(fixtures.datasetId())).isPositive();
            throw new IllegalStateException("import failed after its rollups were written");
        })).hasMessageContaining("import failed");

        assertThat(jdbc.queryForObject("select count(*) from sales_rollup", Long.class)).isEqualTo(before);
    }

    @Test
    void anImportWritesRollupsAndARefusedOneLeavesNone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rollup-sales.csv");
        String rows = """
                Date,SKU,Product,Category,Quantity,Price,Region
                2024-05-02,R1,Rake,Yard,2,10.00,East
                2024-05-03,R1,Rake,Yard,1,10.00,West
                2024-06-01,S1,Spade,Yard,3,5.00,East
                """;
        Files.writeString(file, rows);
        ColumnMapping mapping = imports.preview(file, null).proposal().mapping();
        Files.writeString(file, rows + "2024-06-02,S1,Spade,Yard,lots,5.00,East\n");
        long rollupsBefore = jdbc.queryForObject("select count(*) from sales_rollup", Long.class);

        assertThatThrownBy(() -> imports.importFile(ImportRequest.of(file, "rollup-sales.csv", mapping)
                .withDatasetName("refused rollup import"))).hasMessageContaining("invalid");
        assertThat(jdbc.queryForObject("select count(*) from sales_rollup", Long.class)).isEqualTo(rollupsBefore);

        Files.writeString(file, rows);
        ImportResult result = imports.importFile(ImportRequest.of(file, "rollup-sales.csv", mapping)
                .withDatasetName("rollup import"));

        // 20 + 10 + 15 = 45; May by region at category level 1: East 20, West 10
        assertThat(jdbc.queryForObject("select sum(revenue) from sales_rollup where dataset_id = ? and bucket = 'M'"
                + " and breakdown = 3 and depth = 3", Double.class, result.datasetId())).isCloseTo(45, within(1e-9));
        assertThat(jdbc.queryForList("select region, revenue from sales_rollup where dataset_id = ? and bucket = 'M'"
                        + " and breakdown = 1 and depth = 1 and period_start = ? order by region", result.datasetId(),
                Date.valueOf(LocalDate.of(2024, 5, 1))))
                .extracting(row -> row.get("REGION") + " " + row.get("REVENUE")).containsExactly("East 20.0", "West 10.0");
    }

    private long rollupRows(long dataset) {
        return jdbc.queryForObject("select count(*) from sales_rollup where dataset_id = ?", Long.class, dataset);
    }

    /** The reference: what the daily table itself says for a filter, read without any rollup. */
    private Daily daily(AccessScope scope, SalesFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource("from", Date.valueOf(filter.from()))
                .addValue("to", Date.valueOf(filter.to()));
        String where = " from sales_daily s join product p on p.id = s.product_id where s.sale_date between :from and :to"
                + SalesConditions.of(scope, filter.categoryPath(), filter.region(), filter.channel(), params);
        Daily daily = new Daily();
        String child = filter.categoryPath().size() < 3 ? "s.category" + (filter.categoryPath().size() + 1) : "null";
        named.query("select s.sale_date, p.sku, " + child + ", s.revenue, s.units, s.orders,"
                + " s.revenue * coalesce(s.promo_share, 0)" + where, params, rs -> {
            double revenue = rs.getDouble(4);
            daily.revenue += revenue;
            daily.units += rs.getDouble(5);
            daily.orders += rs.getLong(6);
            daily.promotion += rs.getDouble(7);
            daily.byDay.merge(rs.getObject(1, LocalDate.class), revenue, Double::sum);
            daily.byProduct.merge(rs.getString(2), revenue, Double::sum);
            if (rs.getString(3) != null) {
                daily.byChild.merge(rs.getString(3), revenue, Double::sum);
            }
        });
        return daily;
    }

    private static final class Daily {
        private double revenue;
        private double units;
        private long orders;
        private double promotion;
        private final Map<LocalDate, Double> byDay = new TreeMap<>();
        private final Map<String, Double> byProduct = new TreeMap<>();
        private final Map<String, Double> byChild = new TreeMap<>();
    }
}
