package com.trendcast.sales;

import com.trendcast.security.AccessScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read-only aggregates over the stored daily sales, always limited to the categories of the
 * caller's {@link AccessScope}.
 */
@Service
public class SalesQueryService {

    private static final int TREND_WEEKS = 26;
    private static final int TOP_CATEGORIES = 10;
    private static final int TOP_MOVERS = 8;

    private final NamedParameterJdbcTemplate jdbc;
    private final SalesAnalyticsCache cache;

    SalesQueryService(NamedParameterJdbcTemplate jdbc, SalesAnalyticsCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /**
     * The last {@code days} days of the caller's sales against the days before; answers are cached like the
     * analytics (see {@link SalesAnalyticsCache}), as every user opens this page first.
     */
    @Transactional(readOnly = true)
    public SalesOverview overview(AccessScope scope, int days) {
        return cache.get("overview", scope, days, () -> computeOverview(scope, days));
    }

    private SalesOverview computeOverview(AccessScope scope, int days) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String scopeFilter = SalesConditions.of(scope, List.of(), null, null, params);
        // Category totals per day: the daily rollup without region/channel split, category level 1.
        String categoryDays = " from sales_rollup s join dataset d on d.id = s.dataset_id where d.status = 'READY'"
                + " and s.bucket = 'D'" + SalesRollups.slice(null, null) + " and s.depth = 1" + scopeFilter;
        LocalDate latest = jdbc.queryForObject("select max(s.period_start)" + categoryDays, params, LocalDate.class);
        if (latest == null) {
            return new SalesOverview(null, days, 0, 0, 0, 0, 0, List.of(), List.of(), List.of());
        }
        LocalDate currentStart = latest.minusDays(days - 1L);
        LocalDate previousStart = currentStart.minusDays(days);
        params.addValue("latest", Date.valueOf(latest))
                .addValue("currentStart", Date.valueOf(currentStart))
                .addValue("previousStart", Date.valueOf(previousStart));
        LocalDate trendStart = latest.minusWeeks(TREND_WEEKS);
        params.addValue("categoryStart", Date.valueOf(currentStart.isBefore(trendStart) ? currentStart : trendStart));

        double[] totals = jdbc.queryForObject("select"
                        + " coalesce(sum(case when s.period_start >= :currentStart then s.revenue end), 0),"
                        + " coalesce(sum(case when s.period_start < :currentStart then s.revenue end), 0),"
                        + " coalesce(sum(case when s.period_start >= :currentStart then s.units end), 0),"
                        + " coalesce(sum(case when s.period_start < :currentStart then s.units end), 0)"
                        + categoryDays + " and s.period_start between :previousStart and :latest",
                params, (rs, row) -> new double[]{rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)});

        // Weeks are bucketed here: H2 and PostgreSQL disagree on the first day of date_trunc('week').
        Map<String, Map<LocalDate, Double>> weeks = new TreeMap<>();
        Map<String, double[]> categoryTotals = new HashMap<>();
        jdbc.query("select s.category1, s.period_start, sum(s.revenue), sum(s.units)" + categoryDays
                        + " and s.period_start >= :categoryStart group by s.category1, s.period_start",
                params, rs -> {
                    LocalDate day = rs.getObject(2, LocalDate.class);
                    if (day.isAfter(trendStart)) {
                        weeks.computeIfAbsent(rs.getString(1), c -> new TreeMap<>())
                                .merge(day.with(DayOfWeek.MONDAY), rs.getDouble(3), Double::sum);
                    }
                    if (!day.isBefore(currentStart)) {
                        double[] sums = categoryTotals.computeIfAbsent(rs.getString(1), c -> new double[2]);
                        sums[0] += rs.getDouble(3);
                        sums[1] += rs.getDouble(4);
                    }
                });
        List<SalesOverview.CategoryWeek> weekly = new ArrayList<>();
        weeks.forEach((category, byWeek) -> byWeek.forEach((monday, revenue) ->
                weekly.add(new SalesOverview.CategoryWeek(category, monday, revenue))));
        List<SalesOverview.CategoryTotal> top = categoryTotals.entrySet().stream()
                .map(e -> new SalesOverview.CategoryTotal(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingDouble(SalesOverview.CategoryTotal::revenue).reversed()
                        .thenComparing(SalesOverview.CategoryTotal::category))
                .limit(TOP_CATEGORIES).toList();

        // Products need the daily table; one read of both periods gives the active count and the movers.
        record ProductChange(long id, double revenue, double previousRevenue) {
        }
        // Summed here, not grouped in SQL: H2 groups rows about four times slower than it streams them.
        Map<Long, double[]> byProduct = new HashMap<>();
        for (AccessScope part : SalesConditions.perCategory(scope, List.of())) {
            MapSqlParameterSource partParams = new MapSqlParameterSource(params.getValues());
            jdbc.query("select s.product_id, s.sale_date, s.revenue from sales_daily s join dataset d on d.id = s.dataset_id"
                            + " where d.status = 'READY'" + SalesConditions.of(part, List.of(), null, null, partParams)
                            + " and s.sale_date between :previousStart and :latest",
                    partParams, rs -> {
                        double[] sums = byProduct.computeIfAbsent(rs.getLong(1), id -> new double[3]);
                        if (rs.getObject(2, LocalDate.class).isBefore(currentStart)) {
                            sums[1] += rs.getDouble(3);
                        } else {
                            sums[0] += rs.getDouble(3);
                            sums[2]++;
                        }
                    });
        }
        List<ProductChange> changes = new ArrayList<>();
        long active = 0;
        for (Map.Entry<Long, double[]> product : byProduct.entrySet()) {
            changes.add(new ProductChange(product.getKey(), product.getValue()[0], product.getValue()[1]));
            active += product.getValue()[2] > 0 ? 1 : 0;
        }
        List<SalesOverview.ProductMover> movers = ProductRanking.top(jdbc, changes, ProductChange::id,
                        change -> Math.abs(change.revenue() - change.previousRevenue()), TOP_MOVERS).stream()
                .map(ranked -> new SalesOverview.ProductMover(ranked.product().sku(), ranked.product().name(),
                        ranked.product().category(), ranked.item().revenue(), ranked.item().previousRevenue()))
                .toList();

        return new SalesOverview(latest, days, totals[0], totals[1], totals[2], totals[3], active,
                weekly, top, movers);
    }
}
