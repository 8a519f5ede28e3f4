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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    private static final String[] LEVEL_COLUMNS = {"s.category1", "s.category2", "s.category3"};

    private final NamedParameterJdbcTemplate jdbc;

    SalesAnalyticsService(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public SalesAnalytics analyse(AccessScope scope, SalesFilter filter, int topN) {
        Where unbounded = where(scope, filter);
        LocalDate latest = jdbc.queryForObject("select max(s.sale_date)" + unbounded.sql, unbounded.params, LocalDate.class);
        if (latest == null) {
            return new SalesAnalytics(null, null, new SalesAnalytics.Totals(0, 0, 0), new SalesAnalytics.Totals(0, 0, 0),
                    List.of(), List.of(), false, List.of(), List.of(), new double[7][12], 0, 0);
        }
        LocalDate to = filter.to() != null ? filter.to() : latest;
        LocalDate from = filter.from() != null ? filter.from() : to.minusDays(DEFAULT_RANGE_DAYS - 1L);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate previousFrom = from.minusDays(days);

        Where range = where(scope, filter).between(from, to);
        Where withPrevious = where(scope, filter).between(previousFrom, to);
        withPrevious.params.addValue("currentFrom", Date.valueOf(from));

        SalesAnalytics.Totals[] totals = jdbc.queryForObject("select"
                        + " coalesce(sum(case when s.sale_date >= :currentFrom then s.revenue end), 0),"
                        + " coalesce(sum(case when s.sale_date >= :currentFrom then s.units end), 0),"
                        + " coalesce(sum(case when s.sale_date >= :currentFrom then s.orders end), 0),"
                        + " coalesce(sum(case when s.sale_date < :currentFrom then s.revenue end), 0),"
                        + " coalesce(sum(case when s.sale_date < :currentFrom then s.units end), 0),"
                        + " coalesce(sum(case when s.sale_date < :currentFrom then s.orders end), 0)"
                        + withPrevious.sql, withPrevious.params,
                (rs, row) -> new SalesAnalytics.Totals[]{
                        new SalesAnalytics.Totals(rs.getDouble(1), rs.getDouble(2), rs.getLong(3)),
                        new SalesAnalytics.Totals(rs.getDouble(4), rs.getDouble(5), rs.getLong(6))});

        List<SalesAnalytics.Period> daily = jdbc.query("select s.sale_date, sum(s.revenue), sum(s.units)" + range.sql
                        + " group by s.sale_date order by s.sale_date", range.params,
                (rs, row) -> new SalesAnalytics.Period(rs.getObject(1, LocalDate.class), rs.getDouble(2), rs.getDouble(3)));

        double[][] weekdayByMonth = new double[7][12];
        for (SalesAnalytics.Period day : daily) {
            weekdayByMonth[day.day().getDayOfWeek().getValue() - 1][day.day().getMonthValue() - 1] += day.revenue();
        }

        double[] promotion = jdbc.queryForObject("select coalesce(sum(s.revenue * coalesce(s.promo_share, 0)), 0),"
                        + " coalesce(sum(s.revenue * (1 - coalesce(s.promo_share, 0))), 0)" + range.sql, range.params,
                (rs, row) -> new double[]{rs.getDouble(1), rs.getDouble(2)});

        List<SalesAnalytics.Slice> children = categoryChildren(range, filter);
        boolean products = children.isEmpty();
        return new SalesAnalytics(from, to, totals[0], totals[1], daily,
                products ? topProducts(range, Integer.MAX_VALUE) : children, products, topProducts(range, topN), yearOverYear(scope, filter, from, to), weekdayByMonth,
                promotion[0], promotion[1]);
    }

    /**
     * The categories one level below the drill path; empty at the deepest level or where the data has
     * no deeper level, in which case the breakdown lists products instead.
     */
    private List<SalesAnalytics.Slice> categoryChildren(Where range, SalesFilter filter) {
        int level = filter.categoryPath().size();
        if (level >= LEVEL_COLUMNS.length) {
            return List.of();
        }
        String column = LEVEL_COLUMNS[level];
        return jdbc.query("select " + column + ", sum(s.revenue) as revenue, sum(s.units)" + range.sql
                        + " and " + column + " is not null group by " + column + " order by revenue desc", range.params,
                (rs, row) -> new SalesAnalytics.Slice(rs.getString(1), rs.getString(1), rs.getDouble(2), rs.getDouble(3)));
    }

    private List<SalesAnalytics.Slice> topProducts(Where range, int limit) {
        List<SalesAnalytics.Slice> products = jdbc.query("select p.sku, p.name, t.revenue, t.units from"
                        + " (select s.product_id, sum(s.revenue) as revenue, sum(s.units) as units" + range.sql
                        + " group by s.product_id) t join product p on p.id = t.product_id order by t.revenue desc, p.sku",
                range.params, (rs, row) -> new SalesAnalytics.Slice(rs.getString(1),
                        rs.getString(2) == null || rs.getString(2).isBlank() ? rs.getString(1) : rs.getString(2),
                        rs.getDouble(3), rs.getDouble(4)));
        return products.size() > limit ? List.copyOf(products.subList(0, limit)) : products;
    }

    private List<SalesAnalytics.MonthOverYear> yearOverYear(AccessScope scope, SalesFilter filter, LocalDate from, LocalDate to) {
        LocalDate firstMonth = from.withDayOfMonth(1);
        Where twoYears = where(scope, filter).between(firstMonth.minusYears(1), to);
        Map<LocalDate, Double> monthly = new TreeMap<>();
        jdbc.query("select extract(year from s.sale_date), extract(month from s.sale_date), sum(s.revenue)" + twoYears.sql
                        + " group by extract(year from s.sale_date), extract(month from s.sale_date)", twoYears.params,
                rs -> {
                    monthly.put(LocalDate.of(rs.getInt(1), rs.getInt(2), 1), rs.getDouble(3));
                });
        List<SalesAnalytics.MonthOverYear> months = new ArrayList<>();
        for (LocalDate month = firstMonth; !month.isAfter(to); month = month.plusMonths(1)) {
            months.add(new SalesAnalytics.MonthOverYear(month, monthly.getOrDefault(month, 0.0),
                    monthly.getOrDefault(month.minusYears(1), 0.0)));
        }
        return months;
    }

    /** The FROM and WHERE of every analytics query: ready datasets, the caller's scope and the filter. */
    private static Where where(AccessScope scope, SalesFilter filter) {
        StringBuilder sql = new StringBuilder(" from sales_daily s join dataset d on d.id = s.dataset_id where d.status = 'READY'");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (!scope.admin()) {
            if (scope.categories().isEmpty()) {
                sql.append(" and 1 = 0");
            } else {
                sql.append(" and s.category1 in (:scopeCategories)");
                params.addValue("scopeCategories", scope.categories());
            }
        }
        List<String> path = filter.categoryPath();
        for (int level = 0; level < path.size(); level++) {
            sql.append(" and ").append(LEVEL_COLUMNS[level]).append(" = :level").append(level);
            params.addValue("level" + level, path.get(level));
        }
        if (filter.region() != null) {
            sql.append(" and s.region = :region");
            params.addValue("region", filter.region());
        }
        if (filter.channel() != null) {
            sql.append(" and s.channel = :channel");
            params.addValue("channel", filter.channel());
        }
        return new Where(sql.toString(), params);
    }

    /** Region and channel values a filter can offer, within the caller's scope. */
    @Transactional(readOnly = true)
    public FilterOptions filterOptions(AccessScope scope) {
        Where all = where(scope, SalesFilter.all());
        List<String> regions = jdbc.queryForList("select distinct s.region" + all.sql + " and s.region <> '' order by s.region",
                all.params, String.class);
        List<String> channels = jdbc.queryForList("select distinct s.channel" + all.sql + " and s.channel <> '' order by s.channel",
                all.params, String.class);
        return new FilterOptions(regions, channels);
    }

    public record FilterOptions(List<String> regions, List<String> channels) {
    }

    private record Where(String sql, MapSqlParameterSource params) {

        Where between(LocalDate from, LocalDate to) {
            params.addValue("rangeFrom", Date.valueOf(from)).addValue("rangeTo", Date.valueOf(to));
            return new Where(sql + " and s.sale_date between :rangeFrom and :rangeTo", params);
        }
    }
}
