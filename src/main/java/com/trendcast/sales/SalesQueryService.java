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

    SalesQueryService(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public SalesOverview overview(AccessScope scope, int days) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String scopeFilter = SalesConditions.of(scope, List.of(), null, null, params);
        LocalDate latest = jdbc.queryForObject(
                "select max(s.sale_date) from sales_daily s join dataset d on d.id = s.dataset_id"
                        + " where d.status = 'READY'" + scopeFilter, params, LocalDate.class);
        if (latest == null) {
            return new SalesOverview(null, days, 0, 0, 0, 0, 0, List.of(), List.of(), List.of());
        }
        LocalDate currentStart = latest.minusDays(days - 1L);
        LocalDate previousStart = currentStart.minusDays(days);
        params.addValue("latest", Date.valueOf(latest))
                .addValue("currentStart", Date.valueOf(currentStart))
                .addValue("previousStart", Date.valueOf(previousStart))
                .addValue("trendStart", Date.valueOf(latest.minusWeeks(TREND_WEEKS)));
        String ready = " from sales_daily s join dataset d on d.id = s.dataset_id where d.status = 'READY'" + scopeFilter;

        double[] totals = jdbc.queryForObject("select"
                        + " coalesce(sum(case when s.sale_date >= :currentStart then s.revenue end), 0),"
                        + " coalesce(sum(case when s.sale_date < :currentStart then s.revenue end), 0),"
                        + " coalesce(sum(case when s.sale_date >= :currentStart then s.units end), 0),"
                        + " coalesce(sum(case when s.sale_date < :currentStart then s.units end), 0),"
                        + " count(distinct case when s.sale_date >= :currentStart then s.product_id end)"
                        + ready + " and s.sale_date between :previousStart and :latest",
                params, (rs, row) -> new double[]{rs.getDouble(1), rs.getDouble(2), rs.getDouble(3),
                        rs.getDouble(4), rs.getDouble(5)});

        // Weeks are bucketed here: H2 and PostgreSQL disagree on the first day of date_trunc('week').
        Map<String, Map<LocalDate, Double>> weeks = new TreeMap<>();
        jdbc.query("select s.category1, s.sale_date, sum(s.revenue)" + ready + " and s.sale_date > :trendStart"
                        + " group by s.category1, s.sale_date",
                params, rs -> {
                    LocalDate monday = rs.getObject(2, LocalDate.class).with(DayOfWeek.MONDAY);
                    weeks.computeIfAbsent(rs.getString(1), c -> new TreeMap<>()).merge(monday, rs.getDouble(3), Double::sum);
                });
        List<SalesOverview.CategoryWeek> weekly = new ArrayList<>();
        weeks.forEach((category, byWeek) -> byWeek.forEach((monday, revenue) ->
                weekly.add(new SalesOverview.CategoryWeek(category, monday, revenue))));

        List<SalesOverview.CategoryTotal> top = jdbc.query("select s.category1, sum(s.revenue) as revenue, sum(s.units)"
                        + ready + " and s.sale_date between :currentStart and :latest"
                        + " group by s.category1 order by revenue desc limit " + TOP_CATEGORIES,
                params, (rs, row) -> new SalesOverview.CategoryTotal(rs.getString(1), rs.getDouble(2), rs.getDouble(3)));

        List<SalesOverview.ProductMover> movers = jdbc.query("select p.sku, p.name, p.category1,"
                        + " sum(case when s.sale_date >= :currentStart then s.revenue else 0 end) as current_revenue,"
                        + " sum(case when s.sale_date < :currentStart then s.revenue else 0 end) as previous_revenue"
                        + ready.replace(" where ", " join product p on p.id = s.product_id where ")
                        + " and s.sale_date between :previousStart and :latest group by p.id, p.sku, p.name, p.category1"
                        + " order by abs(sum(case when s.sale_date >= :currentStart then s.revenue else 0 end)"
                        + " - sum(case when s.sale_date < :currentStart then s.revenue else 0 end)) desc, p.sku"
                        + " limit " + TOP_MOVERS,
                params, (rs, row) -> new SalesOverview.ProductMover(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getDouble(4), rs.getDouble(5)));

        return new SalesOverview(latest, days, totals[0], totals[1], totals[2], totals[3], (long) totals[4],
                weekly, top, movers);
    }
}
