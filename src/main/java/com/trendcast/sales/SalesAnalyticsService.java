package com.trendcast.sales;

import com.trendcast.security.AccessScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The sales analytics behind the {@code /sales} view (and later the API): totals against the previous
 * period, the daily series, the breakdown one level below the drill path, top products, year-over-year
 * months, weekday-by-month revenue and the promotion split. Every query is limited to the caller's
 * categories.
 */
@Service
public class SalesAnalyticsService {

    /** Without a chosen range the view shows the last year of data. */
    static final int DEFAULT_RANGE_DAYS = 365;
    /** Where the data has no deeper category level, the breakdown shows at most this many products. */
    static final int MAX_PRODUCT_SLICES = 30;

    private final NamedParameterJdbcTemplate jdbc;
    private final SalesAnalyticsCache cache;

    SalesAnalyticsService(NamedParameterJdbcTemplate jdbc, SalesAnalyticsCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /** The analytics of {@code filter} within the caller's categories; answers are cached (see {@link SalesAnalyticsCache}). */
    @Transactional(readOnly = true)
    public SalesAnalytics analyse(AccessScope scope, SalesFilter filter, int topN) {
        return cache.get("analyse", scope, new AnalysisRequest(filter, topN), () -> compute(scope, filter, topN));
    }

    private record AnalysisRequest(SalesFilter filter, int topN) {
    }

    private SalesAnalytics compute(AccessScope scope, SalesFilter filter, int topN) {
        LocalDate[] span = dataSpan(scope);
        if (span == null) {
            return new SalesAnalytics(null, null, new SalesAnalytics.Totals(0, 0, 0), new SalesAnalytics.Totals(0, 0, 0),
                    List.of(), List.of(), false, List.of(), List.of(), new double[7][12], 0, 0);
        }
        LocalDate to = filter.to() != null ? filter.to() : span[1];
        LocalDate from = filter.from() != null ? filter.from() : to.minusDays(DEFAULT_RANGE_DAYS - 1L);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate previousFrom = from.minusDays(days);
        LocalDate firstMonth = from.withDayOfMonth(1);
        LocalDate scanFrom = previousFrom.isBefore(firstMonth.minusYears(1)) ? previousFrom : firstMonth.minusYears(1);

        // One read of the daily rollup at one level below the drill path feeds totals, both periods, the daily
        // series, the category breakdown, the promotion split and year-over-year months: a few thousand rows
        // where the daily table would need hundreds of thousands. Where no such slice is kept (a region or
        // channel split below a chosen category), the daily rows of that category are as few and are read instead.
        int level = filter.categoryPath().size();
        String child = level < SalesConditions.CATEGORY_COLUMNS.size() ? SalesConditions.CATEGORY_COLUMNS.get(level)
                : "cast(null as varchar)";
        int depth = Math.min(level + 1, SalesRollups.DEEPEST);
        boolean rolledUp = SalesRollups.hasDailySlice(SalesRollups.breakdown(filter.region(), filter.channel()), depth);
        String dayColumn = rolledUp ? "s.period_start" : "s.sale_date";
        String promotion = rolledUp ? "s.promo_revenue" : "s.revenue * coalesce(s.promo_share, 0)";
        Where scan = where(rolledUp ? Where.rollup('D', filter, depth) : Where.DAILY, scope, filter)
                .between(dayColumn, "range", scanFrom, to);
        Accumulation sums = new Accumulation(from, to, previousFrom);
        // Summed here, not grouped in SQL: H2 groups rows about four times slower than it streams them.
        jdbc.query("select " + dayColumn + ", " + child + ", s.revenue, s.units, s.orders, " + promotion + scan.sql,
                scan.params, rs -> {
                    sums.add(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getLong(5), rs.getDouble(6));
                });
        if (sums.daily.isEmpty()) {
            return new SalesAnalytics(null, null, new SalesAnalytics.Totals(0, 0, 0), new SalesAnalytics.Totals(0, 0, 0),
                    List.of(), List.of(), false, List.of(), List.of(), new double[7][12], 0, 0);
        }

        List<SalesAnalytics.Slice> products = products(scope, filter, from, to, Math.max(topN, MAX_PRODUCT_SLICES));
        List<SalesAnalytics.Slice> categories = sums.childSlices();
        boolean productBreakdown = categories.isEmpty();
        List<SalesAnalytics.Period> daily = sums.dailyPeriods();
        double[][] weekdayByMonth = new double[7][12];
        for (SalesAnalytics.Period day : daily) {
            weekdayByMonth[day.day().getDayOfWeek().getValue() - 1][day.day().getMonthValue() - 1] += day.revenue();
        }
        List<SalesAnalytics.MonthOverYear> months = new ArrayList<>();
        for (LocalDate month = firstMonth; !month.isAfter(to); month = month.plusMonths(1)) {
            months.add(new SalesAnalytics.MonthOverYear(month, sums.monthly.getOrDefault(month, 0.0),
                    sums.monthly.getOrDefault(month.minusYears(1), 0.0)));
        }
        // A previous period the data only partly covers would make every change look like growth.
        SalesAnalytics.Totals previous = span[0].isAfter(previousFrom) ? null : sums.previous.toTotals();
        return new SalesAnalytics(from, to, sums.current.toTotals(), previous, daily,
                productBreakdown ? products : categories, productBreakdown,
                products.size() > topN ? List.copyOf(products.subList(0, topN)) : products,
                months, weekdayByMonth, sums.promotionRevenue, sums.current.revenue - sums.promotionRevenue);
    }

    /** The first and last day with sales in the caller's ready datasets, or {@code null} when there are none. */
    private LocalDate[] dataSpan(AccessScope scope) {
        Where visible = where(Where.rollup('D', SalesFilter.all(), 1), scope, SalesFilter.all());
        return jdbc.queryForObject("select min(s.period_start), max(s.period_start)" + visible.sql, visible.params,
                (rs, row) -> rs.getObject(2) == null ? null
                        : new LocalDate[]{rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)});
    }

    /** The {@code limit} products with the most revenue in [from, to], by revenue and then SKU. */
    private List<SalesAnalytics.Slice> products(AccessScope scope, SalesFilter filter, LocalDate from, LocalDate to,
                                                int limit) {
        // Summed here, not grouped in SQL: H2 groups rows about four times slower than it streams them.
        Map<Long, double[]> byProduct = new HashMap<>();
        for (AccessScope part : SalesConditions.perCategory(scope, filter.categoryPath())) {
            MapSqlParameterSource params = new MapSqlParameterSource();
            jdbc.query(productRows(part, filter, from, to, params), params, rs -> {
                double[] sum = byProduct.computeIfAbsent(rs.getLong(1), id -> new double[2]);
                sum[0] += rs.getDouble(2);
                sum[1] += rs.getDouble(3);
            });
        }
        record ProductSum(long id, double revenue, double units) {
        }
        List<ProductSum> sums = byProduct.entrySet().stream()
                .map(e -> new ProductSum(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return ProductRanking.top(jdbc, sums, ProductSum::id, ProductSum::revenue, limit).stream()
                .map(ranked -> new SalesAnalytics.Slice(ranked.product().sku(), ranked.product().label(),
                        ranked.item().revenue(), ranked.item().units()))
                .toList();
    }

    /**
     * Product rows of [from, to]: whole months from the monthly product rollup, the days before the first and after
     * the last whole month from the daily table, so the sums stay exact for any range.
     */
    private static String productRows(AccessScope scope, SalesFilter filter, LocalDate from, LocalDate to,
                                      MapSqlParameterSource params) {
        LocalDate firstWholeMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterLastWholeMonth = to.plusDays(1).withDayOfMonth(1);
        List<Where> parts = new ArrayList<>();
        if (firstWholeMonth.isBefore(afterLastWholeMonth)) {
            parts.add(where(Where.productMonths(filter), scope, filter).between("s.month_start", "months", firstWholeMonth,
                    afterLastWholeMonth.minusMonths(1)));
            if (from.isBefore(firstWholeMonth)) {
                parts.add(where(Where.DAILY, scope, filter).between("s.sale_date", "head", from, firstWholeMonth.minusDays(1)));
            }
            if (!to.isBefore(afterLastWholeMonth)) {
                parts.add(where(Where.DAILY, scope, filter).between("s.sale_date", "tail", afterLastWholeMonth, to));
            }
        } else {
            parts.add(where(Where.DAILY, scope, filter).between("s.sale_date", "days", from, to));
        }
        StringBuilder union = new StringBuilder();
        for (Where part : parts) {
            union.append(union.isEmpty() ? "" : " union all ").append("select s.product_id, s.revenue, s.units")
                    .append(part.sql);
            params.addValues(part.params.getValues());
        }
        return union.toString();
    }

    /** Sums of the scan rows into the figures the view shows. */
    private static final class Accumulation {
        private final LocalDate from;
        private final LocalDate to;
        private final LocalDate previousFrom;
        private final Sum current = new Sum();
        private final Sum previous = new Sum();
        private final Map<LocalDate, double[]> daily = new TreeMap<>();
        private final Map<String, double[]> children = new HashMap<>();
        private final Map<LocalDate, Double> monthly = new HashMap<>();
        private double promotionRevenue;

        Accumulation(LocalDate from, LocalDate to, LocalDate previousFrom) {
            this.from = from;
            this.to = to;
            this.previousFrom = previousFrom;
        }

        void add(LocalDate day, String child, double revenue, double units, long orders, double promotion) {
            monthly.merge(day.withDayOfMonth(1), revenue, Double::sum);
            if (!day.isBefore(from)) {
                current.add(revenue, units, orders);
                promotionRevenue += promotion;
                double[] dayTotals = daily.computeIfAbsent(day, d -> new double[2]);
                dayTotals[0] += revenue;
                dayTotals[1] += units;
                if (child != null) {
                    double[] childTotals = children.computeIfAbsent(child, c -> new double[2]);
                    childTotals[0] += revenue;
                    childTotals[1] += units;
                }
            } else if (!day.isBefore(previousFrom)) {
                previous.add(revenue, units, orders);
            }
        }

        List<SalesAnalytics.Period> dailyPeriods() {
            List<SalesAnalytics.Period> periods = new ArrayList<>(daily.size());
            daily.forEach((day, totals) -> periods.add(new SalesAnalytics.Period(day, totals[0], totals[1])));
            return periods;
        }

        List<SalesAnalytics.Slice> childSlices() {
            return children.entrySet().stream()
                    .map(e -> new SalesAnalytics.Slice(e.getKey(), e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .sorted(Comparator.comparingDouble(SalesAnalytics.Slice::revenue).reversed()
                            .thenComparing(SalesAnalytics.Slice::key))
                    .toList();
        }
    }

    private static final class Sum {
        private double revenue;
        private double units;
        private long orders;

        void add(double addedRevenue, double addedUnits, long addedOrders) {
            revenue += addedRevenue;
            units += addedUnits;
            orders += addedOrders;
        }

        SalesAnalytics.Totals toTotals() {
            return new SalesAnalytics.Totals(revenue, units, orders);
        }
    }

    /** The FROM and WHERE of every analytics query: ready datasets, the caller's scope and the filter. */
    private static Where where(String source, AccessScope scope, SalesFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String conditions = SalesConditions.of(scope, filter.categoryPath(), filter.region(), filter.channel(), params);
        return new Where(source + conditions, params);
    }

    /** Region and channel values a filter can offer, within the caller's scope. */
    @Transactional(readOnly = true)
    public FilterOptions filterOptions(AccessScope scope) {
        return cache.get("filterOptions", scope, "", () -> computeFilterOptions(scope));
    }

    private FilterOptions computeFilterOptions(AccessScope scope) {
        Where all = where(" from sales_rollup s join dataset d on d.id = s.dataset_id where d.status = 'READY'"
                + " and s.bucket = 'M' and s.breakdown = " + SalesRollups.BY_BOTH + " and s.depth = 1", scope,
                SalesFilter.all());
        Set<String> regions = new TreeSet<>();
        Set<String> channels = new TreeSet<>();
        jdbc.query("select s.region, s.channel" + all.sql + " group by s.region, s.channel", all.params, rs -> {
            if (!rs.getString(1).isEmpty()) {
                regions.add(rs.getString(1));
            }
            if (!rs.getString(2).isEmpty()) {
                channels.add(rs.getString(2));
            }
        });
        return new FilterOptions(List.copyOf(regions), List.copyOf(channels));
    }

    public record FilterOptions(List<String> regions, List<String> channels) {
    }

    private record Where(String sql, MapSqlParameterSource params) {

        private static final String READY = " join dataset d on d.id = s.dataset_id where d.status = 'READY'";
        private static final String DAILY = " from sales_daily s" + READY;

        /** The rollup slice that holds the filter's region/channel split with {@code depth} category levels. */
        static String rollup(char bucket, SalesFilter filter, int depth) {
            return " from sales_rollup s" + READY + " and s.bucket = '" + bucket + "'"
                    + SalesRollups.slice(filter.region(), filter.channel()) + " and s.depth = " + depth;
        }

        static String productMonths(SalesFilter filter) {
            return " from sales_rollup_product s" + READY + SalesRollups.slice(filter.region(), filter.channel());
        }

        /** Adds {@code column between from and to}, with parameters named after {@code name}. */
        Where between(String column, String name, LocalDate from, LocalDate to) {
            params.addValue(name + "From", Date.valueOf(from)).addValue(name + "To", Date.valueOf(to));
            return new Where(sql + " and " + column + " between :" + name + "From and :" + name + "To", params);
        }
    }
}
