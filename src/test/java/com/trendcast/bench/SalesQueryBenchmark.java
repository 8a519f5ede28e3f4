package com.trendcast.bench;

import com.trendcast.TrendcastApplication;
import com.trendcast.sales.Grain;
import com.trendcast.sales.SalesAnalytics;
import com.trendcast.sales.SalesAnalyticsCache;
import com.trendcast.sales.SalesAnalyticsService;
import com.trendcast.sales.SalesFilter;
import com.trendcast.sales.SalesQueryService;
import com.trendcast.sales.SalesRollups;
import com.trendcast.security.AccessScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drill-down and filter latency of the sales analytics on a 1-million-row sales dataset in an H2 file database,
 * against the bare SQL the services issue, measured side by side in one run. Excluded from the normal test run;
 * run it with
 * <pre>
 * OMP_NUM_THREADS=1 ./mvnw -o test -Dtest=SalesQueryBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx2g \
 *     -Dsurefire.excludes=none [-Dtrendcast.bench.salesDb=/tmp/salesperf-bench] [-Dtrendcast.bench.rounds=20] \
 *     [-Dtrendcast.bench.verbose=true]
 * </pre>
 * <p>The dataset (about 2,000 products in an 8 x 4 x 4 category tree, 2022-01-01 to 2024-12-31 daily, 6 regions
 * x 3 channels, weekly promotions, seasonality) is written once through a fast JDBC bulk path straight into
 * {@code product} and {@code sales_daily}, then {@link SalesRollups#rebuild} writes the rollups as an import does;
 * the file database is kept and reused by later runs. The import path itself is measured by
 * {@code ImportBenchmark}.
 * <p>Every round runs a fixed click script (options, all categories, category, subcategory, products, grain switch,
 * date ranges, region, channel, both, manager scope, overview). Each step is first called once with the analytics
 * cache cleared: that call records the exact statements it issues (at the JDBC level, with their parameters) and reads
 * the pages they need into H2's page cache, and is timed as the first call. Then, with the cache cleared again, the
 * service call and the replay of the recorded statements on a plain connection (reading every column of every row:
 * the reference) are timed side by side, alternating which goes first from round to round, so neither always runs on
 * pages the other has just read. H2's reuse of an identical earlier result is switched off in the URL, so neither side
 * is answered from it. Last the step is called once more and timed as the cached answer. Reported per step: the
 * first call's p95, p50 and p95 of the service and the bare SQL, the ratio of the medians, and the cached p50; then the
 * cache hits and misses; {@code -Dtrendcast.bench.verbose=true} prints every step and replayed statement as it runs.
 * Before the rounds the rollups of the dataset are rebuilt and timed (skip with
 * {@code -Dtrendcast.bench.rebuild=false}; add {@code -Dtrendcast.bench.rebuildReference=true} to time the V7
 * rebuild on the same rows first, for the ratio).
 */
class SalesQueryBenchmark {

    private static final String DATASET = "bench-sales-1m";
    private static final Path DATABASE = Path.of(System.getProperty("trendcast.bench.salesDb", "/tmp/salesperf-bench"));
    private static final int ROUNDS = Integer.getInteger("trendcast.bench.rounds", 20);
    /** The application's default {@code trendcast.h2.cache-kb}. */
    private static final int H2_CACHE_KB = Integer.getInteger("trendcast.bench.h2CacheKb", 131_072);
    private static final int WARMUP_ROUNDS = Integer.getInteger("trendcast.bench.warmup", 3);
    private static final boolean REBUILD = Boolean.parseBoolean(System.getProperty("trendcast.bench.rebuild", "true"));
    private static final boolean REBUILD_REFERENCE = Boolean.getBoolean("trendcast.bench.rebuildReference");
    private static final boolean VERBOSE = Boolean.getBoolean("trendcast.bench.verbose");
    private static final LocalDate FIRST_DAY = LocalDate.of(2022, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2024, 12, 31);
    private static final List<String> TOP_CATEGORIES = List.of("Grocery", "Beverages", "Household", "Personal Care",
            "Electronics", "Home & Garden", "Toys", "Apparel");
    private static final List<String> REGIONS = List.of("North", "South", "East", "West", "Central", "Coast");
    private static final List<String> CHANNELS = List.of("Store", "Web", "App");
    private static final int PRODUCTS = 2_000;
    private static final double ROWS_PER_DAY = 1_000_000 / 1096.0;

    private final Recorder recorder = new Recorder();

    @Test
    void drillDownAndFilterLatency() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TrendcastApplication.class)
                .profiles("cli")
                .initializers(c -> c.getBeanFactory().addBeanPostProcessor(recorder))
                .run("--spring.datasource.url=jdbc:h2:file:" + DATABASE.resolve("trendcast") + ";CACHE_SIZE=" + H2_CACHE_KB + ";OPTIMIZE_REUSE_RESULTS=FALSE",
                        "--trendcast.demo-data=false", "--trendcast.uploads-dir=" + DATABASE.resolve("uploads"))) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long rows = ensureDataset(jdbc, context.getBean(SalesRollups.class),
                    new TransactionTemplate(context.getBean(PlatformTransactionManager.class)));
            SalesAnalyticsService analytics = context.getBean(SalesAnalyticsService.class);
            SalesQueryService overview = context.getBean(SalesQueryService.class);

            SalesAnalyticsCache cache = context.getBean(SalesAnalyticsCache.class);
            Map<String, List<long[]>> timings = new LinkedHashMap<>();
            long hits = 0;
            long misses = 0;
            for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
                if (round == WARMUP_ROUNDS) {
                    hits = cache.hits();
                    misses = cache.misses();
                }
                for (Step step : script(round, analytics, overview)) {
                    long[] nanos = measure(step.call(), cache, round % 2 == 1);
                    if (VERBOSE) {
                        System.out.printf("round %d %-22s first %9.1f ms, service %9.1f ms, SQL %9.1f ms, cached %7.2f ms%n",
                                round, step.kind(), nanos[0] / 1e6, nanos[1] / 1e6, nanos[2] / 1e6, nanos[3] / 1e6);
                    }
                    if (round >= WARMUP_ROUNDS) {
                        timings.computeIfAbsent(step.kind(), k -> new ArrayList<>()).add(nanos);
                    }
                }
            }
            report(rows, timings, cache.hits() - hits, cache.misses() - misses);
        }
    }

    private record Step(String kind, Supplier<Object> call) {
    }

    /** One user's clicks; round varies which category, region and channel are picked. */
    private static List<Step> script(int round, SalesAnalyticsService analytics, SalesQueryService overview) {
        AccessScope admin = new AccessScope("bench-admin", true, Set.of());
        String top = TOP_CATEGORIES.get(round % TOP_CATEGORIES.size());
        List<String> category = List.of(top);
        List<String> subcategory = List.of(top, top + " " + (char) ('A' + round % 4));
        List<String> leaf = List.of(subcategory.get(0), subcategory.get(1), subcategory.get(1) + " " + (1 + round % 4));
        String region = REGIONS.get(round % REGIONS.size());
        String channel = CHANNELS.get(round % CHANNELS.size());
        Grain grain = Grain.values()[round % Grain.values().length];
        AccessScope manager = new AccessScope("bench-manager", false,
                Set.of(top, TOP_CATEGORIES.get((round + 3) % TOP_CATEGORIES.size())));
        LocalDate rangeStart = LocalDate.of(2023, 1 + round % 6, 3 + round % 20);
        return List.of(
                new Step("filter options", () -> analytics.filterOptions(admin)),
                new Step("all categories", () -> analytics.analyse(admin, SalesFilter.all(), 10)),
                new Step("category", () -> analytics.analyse(admin, SalesFilter.all().withPath(category), 10)),
                new Step("subcategory", () -> analytics.analyse(admin, SalesFilter.all().withPath(subcategory), 10)),
                new Step("products (leaf)", () -> analytics.analyse(admin, SalesFilter.all().withPath(leaf), 10)),
                new Step("grain " + "switch", () -> {
                    SalesAnalytics result = analytics.analyse(admin, SalesFilter.all().withPath(category), 10);
                    return result.periods(grain);
                }),
                new Step("range inside months", () -> analytics.analyse(admin,
                        new SalesFilter(rangeStart, rangeStart.plusDays(97 + round), category, null, null), 10)),
                new Step("range whole months", () -> analytics.analyse(admin,
                        new SalesFilter(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), List.of(), null, null), 10)),
                new Step("region", () -> analytics.analyse(admin,
                        new SalesFilter(null, null, List.of(), region, null), 10)),
                new Step("channel", () -> analytics.analyse(admin,
                        new SalesFilter(null, null, category, null, channel), 10)),
                new Step("region+channel", () -> analytics.analyse(admin,
                        new SalesFilter(null, null, subcategory, region, channel), 10)),
                new Step("manager all", () -> analytics.analyse(manager, SalesFilter.all(), 10)),
                new Step("manager category", () -> analytics.analyse(manager, SalesFilter.all().withPath(category), 10)),
                new Step("overview", () -> overview.overview(admin, 30)),
                new Step("overview manager", () -> overview.overview(manager, 30)));
    }

    /**
     * {first, service, bare SQL, cached} nanos. The first call, with an empty analytics cache, records the statements
     * it issues and reads the pages the step needs into H2's page cache. Then the uncached service call and the replay
     * of its statements on a plain connection are timed side by side, in alternating order so that neither always runs
     * on pages the other has just read; last the call once more, answered from the analytics cache.
     */
    private long[] measure(Supplier<Object> call, SalesAnalyticsCache cache, boolean sqlFirst) throws Exception {
        cache.clear();
        recorder.start();
        long started = System.nanoTime();
        assertThat(call.get()).isNotNull();
        long first = System.nanoTime() - started;
        List<Recorder.Executed> statements = recorder.stop();
        long bare = sqlFirst ? replay(statements) : 0;
        cache.clear();
        started = System.nanoTime();
        call.get();
        long service = System.nanoTime() - started;
        if (!sqlFirst) {
            bare = replay(statements);
        }
        started = System.nanoTime();
        call.get();
        long cached = System.nanoTime() - started;
        return new long[]{first, service, bare, cached};
    }

    private long replay(List<Recorder.Executed> statements) throws Exception {
        long bare = 0;
        try (Connection connection = recorder.target.getConnection()) {
            for (Recorder.Executed executed : statements) {
                long started = System.nanoTime();
                executed.replay(connection);
                long nanos = System.nanoTime() - started;
                bare += nanos;
                if (VERBOSE) {
                    System.out.printf("    %8.1f ms  %s%n", nanos / 1e6, executed.sql());
                }
            }
        }
        return bare;
    }

    private static void report(long rows, Map<String, List<long[]>> timings, long hits, long misses) {
        StringBuilder out = new StringBuilder(String.format("%nSales drill-down benchmark: %,d daily rows in H2, %d rounds"
                + " (service uncached: cache cleared before each step)%n", rows, ROUNDS));
        out.append(String.format("%-22s %10s %10s %10s %10s %10s %8s %12s%n", "step", "first p95", "svc p50", "svc p95",
                "sql p50", "sql p95", "ratio", "cached p50"));
        double worstFirstP95 = 0;
        double worstP95 = 0;
        double worstSqlP95 = 0;
        double worstRatio = 0;
        for (Map.Entry<String, List<long[]>> entry : timings.entrySet()) {
            double[] first = column(entry.getValue(), 0);
            double[] service = column(entry.getValue(), 1);
            double[] bare = column(entry.getValue(), 2);
            double[] cached = column(entry.getValue(), 3);
            double ratio = percentile(service, 50) / percentile(bare, 50);
            out.append(String.format("%-22s %7.1f ms %7.1f ms %7.1f ms %7.1f ms %7.1f ms %7.2f %9.2f ms%n", entry.getKey(),
                    percentile(first, 95), percentile(service, 50), percentile(service, 95), percentile(bare, 50),
                    percentile(bare, 95), ratio, percentile(cached, 50)));
            worstFirstP95 = Math.max(worstFirstP95, percentile(first, 95));
            worstP95 = Math.max(worstP95, percentile(service, 95));
            worstSqlP95 = Math.max(worstSqlP95, percentile(bare, 95));
            worstRatio = Math.max(worstRatio, ratio);
        }
        out.append(String.format("worst first-call p95 %.1f ms%n", worstFirstP95));
        out.append(String.format("worst service p95 %.1f ms (target < 200), worst SQL p95 %.1f ms, worst service/SQL"
                + " ratio of medians %.2f (target <= 1.30)%n", worstP95, worstSqlP95, worstRatio));
        out.append(String.format("analytics cache over the measured rounds: %,d hits (the repeated calls), %,d misses"
                + " (the uncached calls)%n", hits, misses));
        System.out.println(out);
    }

    /** One column of the timings, in milliseconds, sorted. */
    private static double[] column(List<long[]> timings, int index) {
        return timings.stream().mapToDouble(t -> t[index] / 1e6).sorted().toArray();
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    // ---- the dataset ----

    private static long ensureDataset(JdbcTemplate jdbc, SalesRollups rollups, TransactionTemplate transaction)
            throws Exception {
        List<Long> ready = jdbc.queryForList("select id from dataset where name = ? and status = 'READY'", Long.class,
                DATASET);
        long datasetId;
        if (ready.isEmpty()) {
            jdbc.update("delete from dataset where name = ?", DATASET);
            long started = System.nanoTime();
            datasetId = generate(jdbc);
            System.out.printf("%nGenerated %s: rows in %,d ms%n", DATASET, (System.nanoTime() - started) / 1_000_000);
            rebuild(jdbc, rollups, transaction, datasetId);
            jdbc.update("update dataset set status = 'READY' where id = ?", datasetId);
        } else {
            datasetId = ready.get(0);
            if (REBUILD) {
                rebuild(jdbc, rollups, transaction, datasetId);
            }
        }
        return jdbc.queryForObject("select count(*) from sales_daily where dataset_id = ?", Long.class, datasetId);
    }

    /**
     * Times {@link SalesRollups#rebuild} in one transaction, as an import runs it; with
     * {@code -Dtrendcast.bench.rebuildReference=true} first the V7 rebuild (one insert-select per slice) on the same
     * rows, for the ratio.
     */
    private static void rebuild(JdbcTemplate jdbc, SalesRollups rollups, TransactionTemplate transaction, long datasetId) {
        Double referenceSeconds = null;
        if (REBUILD_REFERENCE) {
            deleteRollups(jdbc, transaction, datasetId);
            long started = System.nanoTime();
            transaction.executeWithoutResult(status -> V7Rollups.statements(" and dataset_id = " + datasetId)
                    .forEach(jdbc::update));
            referenceSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("V7 rebuild (insert-select per slice): %.1f s, %,d + %,d rollup rows%n", referenceSeconds,
                    rollupRows(jdbc, "sales_rollup", datasetId), rollupRows(jdbc, "sales_rollup_product", datasetId));
        }
        deleteRollups(jdbc, transaction, datasetId);
        long started = System.nanoTime();
        transaction.executeWithoutResult(status -> rollups.rebuild(datasetId));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Rollup rebuild: %.1f s, %,d + %,d rollup rows%s%n", seconds,
                rollupRows(jdbc, "sales_rollup", datasetId), rollupRows(jdbc, "sales_rollup_product", datasetId),
                referenceSeconds == null ? "" : String.format("; V7 / now = %.1f", referenceSeconds / seconds));
    }

    /** Outside the timed part: an import writes the rollups of a new dataset, which has none to delete. */
    private static void deleteRollups(JdbcTemplate jdbc, TransactionTemplate transaction, long datasetId) {
        long started = System.nanoTime();
        transaction.executeWithoutResult(status -> {
            jdbc.update("delete from sales_rollup where dataset_id = ?", datasetId);
            jdbc.update("delete from sales_rollup_product where dataset_id = ?", datasetId);
        });
        System.out.printf("Deleted the rollups before a rebuild (not timed as part of it): %.1f s%n",
                (System.nanoTime() - started) / 1e9);
    }

    private static long rollupRows(JdbcTemplate jdbc, String table, long datasetId) {
        return jdbc.queryForObject("select count(*) from " + table + " where dataset_id = ?", Long.class, datasetId);
    }

    private static long generate(JdbcTemplate jdbc) throws Exception {
        jdbc.update("insert into dataset (name, kind, status, created_at) values (?, 'SALES', 'IMPORTING', ?)",
                DATASET, Timestamp.from(Instant.now()));
        long datasetId = jdbc.queryForObject("select id from dataset where name = ?", Long.class, DATASET);
        Random random = new Random(42);
        String[][] paths = new String[PRODUCTS][];
        double[] weight = new double[PRODUCTS];
        double[] price = new double[PRODUCTS];
        for (int p = 0; p < PRODUCTS; p++) {
            String top = TOP_CATEGORIES.get(p % TOP_CATEGORIES.size());
            String sub = top + " " + (char) ('A' + (p / TOP_CATEGORIES.size()) % 4);
            paths[p] = new String[]{top, sub, sub + " " + (1 + (p / 32) % 4)};
            weight[p] = Math.exp(random.nextGaussian());
            price[p] = Math.round((2 + random.nextDouble() * 120) * 100) / 100.0;
        }
        double scale = scaleForRowsPerDay(weight);
        DataSource dataSource = jdbc.getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement product = connection.prepareStatement("insert into product (dataset_id, sku, name,"
                    + " category1, category2, category3) values (?, ?, ?, ?, ?, ?)")) {
                for (int p = 0; p < PRODUCTS; p++) {
                    product.setLong(1, datasetId);
                    product.setString(2, String.format("SKU-%05d", p));
                    product.setString(3, "Product " + p + " of " + paths[p][2]);
                    product.setString(4, paths[p][0]);
                    product.setString(5, paths[p][1]);
                    product.setString(6, paths[p][2]);
                    product.addBatch();
                }
                product.executeBatch();
            }
            long[] productIds = new long[PRODUCTS];
            try (PreparedStatement ids = connection.prepareStatement("select id, sku from product where dataset_id = ?")) {
                ids.setLong(1, datasetId);
                try (ResultSet rs = ids.executeQuery()) {
                    while (rs.next()) {
                        productIds[Integer.parseInt(rs.getString(2).substring(4))] = rs.getLong(1);
                    }
                }
            }
            int combos = REGIONS.size() * CHANNELS.size();
            int[] order = new int[combos];
            try (PreparedStatement sale = connection.prepareStatement("insert into sales_daily (dataset_id, product_id,"
                    + " sale_date, region, channel, category1, category2, category3, units, revenue, orders, avg_price,"
                    + " promo_share) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int batched = 0;
                for (int p = 0; p < PRODUCTS; p++) {
                    for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
                        double season = (1 + 0.25 * Math.sin(2 * Math.PI * day.getDayOfYear() / 365.0))
                                * (day.getDayOfWeek().getValue() >= 6 ? 1.2 : 0.92);
                        int lines = Math.min(combos, poisson(random, Math.min(combos, scale * weight[p]) * season));
                        boolean promoted = Math.floorMod(p * 7 + day.toEpochDay() / 7, 9) == 0;
                        for (int i = 0; i < combos; i++) {
                            order[i] = i;
                        }
                        for (int i = 0; i < lines; i++) {
                            int pick = i + random.nextInt(combos - i);
                            int swap = order[i];
                            order[i] = order[pick];
                            order[pick] = swap;
                        }
                        Arrays.sort(order, 0, lines);
                        for (int i = 0; i < lines; i++) {
                            int units = 1 + poisson(random, weight[p] * (promoted ? 3 : 2));
                            double unitPrice = promoted ? price[p] * 0.8 : price[p];
                            sale.setLong(1, datasetId);
                            sale.setLong(2, productIds[p]);
                            sale.setDate(3, Date.valueOf(day));
                            sale.setString(4, REGIONS.get(order[i] / CHANNELS.size()));
                            sale.setString(5, CHANNELS.get(order[i] % CHANNELS.size()));
                            sale.setString(6, paths[p][0]);
                            sale.setString(7, paths[p][1]);
                            sale.setString(8, paths[p][2]);
                            sale.setDouble(9, units);
                            sale.setDouble(10, Math.round(units * unitPrice * 100) / 100.0);
                            sale.setInt(11, 1 + units / 3);
                            sale.setDouble(12, unitPrice);
                            sale.setDouble(13, promoted ? 1.0 : 0.0);
                            sale.addBatch();
                            if (++batched % 5_000 == 0) {
                                sale.executeBatch();
                            }
                            if (batched % 100_000 == 0) {
                                // Short transactions: one of a million rows makes H2 keep an undo log as large.
                                connection.commit();
                            }
                        }
                    }
                }
                sale.executeBatch();
            }
            connection.commit();
        }
        return datasetId;
    }

    /** The factor that makes the expected lines per day, each product capped at one line per region x channel, hit the target. */
    private static double scaleForRowsPerDay(double[] weight) {
        int cap = REGIONS.size() * CHANNELS.size();
        double low = 0;
        double high = 100;
        for (int i = 0; i < 60; i++) {
            double mid = (low + high) / 2;
            double rows = Arrays.stream(weight).map(w -> Math.min(cap, mid * w)).sum();
            if (rows < ROWS_PER_DAY) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    // ---- recording the statements a service call issues ----

    /** Wraps the application's DataSource so the statements of one call, with their parameters, can be replayed. */
    static final class Recorder implements BeanPostProcessor {

        private DataSource target;
        private List<Executed> executed;

        record Executed(String sql, List<Object[]> setters) {

            void replay(Connection connection) throws Exception {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (Object[] setter : setters) {
                        ((Method) setter[0]).invoke(statement, (Object[]) setter[1]);
                    }
                    try (ResultSet rs = statement.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int column = 1; column <= columns; column++) {
                                rs.getObject(column);
                            }
                        }
                    }
                }
            }
        }

        void start() {
            executed = new ArrayList<>();
        }

        List<Executed> stop() {
            List<Executed> recorded = executed;
            executed = null;
            return recorded;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource dataSource && target == null) {
                target = dataSource;
                return proxy(DataSource.class, dataSource, (method, args, result) ->
                        result instanceof Connection connection ? proxy(Connection.class, connection,
                                (connectionMethod, connectionArgs, statement) -> wrapStatement(connectionMethod,
                                        connectionArgs, statement)) : result);
            }
            return bean;
        }

        private Object wrapStatement(Method method, Object[] args, Object statement) {
            if (statement instanceof PreparedStatement prepared && method.getName().equals("prepareStatement")) {
                String sql = (String) args[0];
                List<Object[]> setters = new ArrayList<>();
                return proxy(PreparedStatement.class, prepared, (call, callArgs, result) -> {
                    if (call.getName().startsWith("set") && callArgs != null && callArgs.length >= 2
                            && callArgs[0] instanceof Integer) {
                        setters.add(new Object[]{call, callArgs});
                    } else if (call.getName().startsWith("execute") && executed != null) {
                        executed.add(new Executed(sql, List.copyOf(setters)));
                    }
                    return result;
                });
            }
            if (statement instanceof Statement plain && method.getName().equals("createStatement")) {
                return proxy(Statement.class, plain, (call, callArgs, result) -> {
                    if (call.getName().startsWith("execute") && callArgs != null && executed != null) {
                        executed.add(new Executed((String) callArgs[0], List.of()));
                    }
                    return result;
                });
            }
            return statement;
        }

        private interface AfterCall {
            Object after(Method method, Object[] args, Object result) throws Exception;
        }

        @SuppressWarnings("unchecked")
        private static <T> T proxy(Class<T> type, T target, AfterCall after) {
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                    return method.invoke(target, args);
                }
                try {
                    return after.after(method, args, method.invoke(target, args));
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler);
        }
    }
}
