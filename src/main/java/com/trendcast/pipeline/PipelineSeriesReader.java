package com.trendcast.pipeline;

import com.trendcast.common.UserFacingException;
import com.trendcast.forecast.engine.Covariate;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.GapFilling;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.pipeline.spec.CovariateChoice;
import com.trendcast.pipeline.spec.Level;
import com.trendcast.pipeline.spec.PipelineSpec;
import com.trendcast.pipeline.spec.SeriesFilter;
import com.trendcast.sales.SalesConditions;
import com.trendcast.security.AccessScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the stored daily sales a spec describes as regular series. One grouped query returns a row per series
 * key and day (a full scan of {@code sales_daily} costs seconds on H2, a grouped row nothing); the days are then
 * bucketed into weeks (starting Monday) or months in Java and regularised with the spec's missing-period method.
 *
 * <p>Covariates: visits add up; price and promotion share are rates, so a period gets their units-weighted mean,
 * and a period without sales carries the last known rate forward (the first known one backwards at the start).
 */
@Component
class PipelineSeriesReader {

    /** Positions of the summed measures in each grouped row, after the key columns and the day. */
    private static final int SUMS = 6;
    private static final int TARGET = 0;
    private static final int PRICE_TIMES_UNITS = 1;
    private static final int PRICED_UNITS = 2;
    private static final int PROMO_TIMES_UNITS = 3;
    private static final int PROMO_UNITS = 4;
    private static final int VISITS = 5;

    private final NamedParameterJdbcTemplate jdbc;

    PipelineSeriesReader(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The series of {@code spec}, sorted by key; rows outside the caller's categories are excluded in the query
     * itself, whatever the spec's filter says.
     *
     * @throws UserFacingException if no stored sales match
     */
    List<TimeSeries> read(AccessScope scope, PipelineSpec spec) {
        List<String> keyColumns = keyColumns(spec.level());
        MapSqlParameterSource params = new MapSqlParameterSource("dataset", spec.datasetId());
        String target = "s." + spec.target().column();
        StringBuilder sql = new StringBuilder("select ");
        keyColumns.forEach(column -> sql.append(column).append(", "));
        sql.append("s.sale_date, sum(").append(target).append("),"
                + " sum(coalesce(s.avg_price * s.units, 0)), sum(case when s.avg_price is null then 0 else s.units end),"
                + " sum(coalesce(s.promo_share * s.units, 0)),"
                + " sum(case when s.promo_share is null then 0 else s.units end), sum(coalesce(s.visits, 0))"
                + " from sales_daily s");
        if (spec.level() == Level.PRODUCT) {
            sql.append(" join product p on p.id = s.product_id");
        }
        SeriesFilter filter = spec.filter();
        sql.append(" where s.dataset_id = :dataset")
                .append(SalesConditions.of(scope, filter.categoryPath(), filter.region(), filter.channel(), params))
                .append(" group by ").append(String.join(", ", keyColumns)).append(keyColumns.isEmpty() ? "" : ", ")
                .append("s.sale_date");

        Map<List<String>, Map<LocalDate, double[]>> periods = new TreeMap<>(PipelineSeriesReader::compareKeys);
        jdbc.query(sql.toString(), params, rs -> {
            List<String> key = key(rs, keyColumns.size());
            LocalDate period = periodStart(rs.getObject(keyColumns.size() + 1, LocalDate.class), spec.frequency());
            double[] sums = periods.computeIfAbsent(key, k -> new TreeMap<>())
                    .computeIfAbsent(period, p -> new double[SUMS]);
            for (int i = 0; i < SUMS; i++) {
                sums[i] += rs.getDouble(keyColumns.size() + 2 + i);
            }
        });
        if (periods.isEmpty()) {
            throw new UserFacingException("pipeline.series.none");
        }
        List<TimeSeries> series = new ArrayList<>(periods.size());
        periods.forEach((key, sums) -> series.add(toSeries(key, sums, spec)));
        return series;
    }

    private static TimeSeries toSeries(List<String> key, Map<LocalDate, double[]> sums, PipelineSpec spec) {
        Map<LocalDate, Double> target = new LinkedHashMap<>();
        sums.forEach((period, values) -> target.put(period, values[TARGET]));
        TimeSeries series = GapFilling.regularize(key, spec.frequency(), target, spec.treatment().missing());
        for (CovariateChoice choice : spec.features().covariates()) {
            double[] values = switch (choice.source()) {
                case VISITS -> sumsOnGrid(series, sums, VISITS);
                case AVG_PRICE -> weightedMeansOnGrid(series, sums, PRICE_TIMES_UNITS, PRICED_UNITS);
                case PROMO_SHARE -> weightedMeansOnGrid(series, sums, PROMO_TIMES_UNITS, PROMO_UNITS);
            };
            series = series.withCovariate(new Covariate(choice.source().column(), values, choice.knownInAdvance()));
        }
        return series;
    }

    private static double[] sumsOnGrid(TimeSeries series, Map<LocalDate, double[]> sums, int index) {
        double[] values = new double[series.length()];
        sums.forEach((period, periodSums) -> values[gridIndex(series, period)] = periodSums[index]);
        return values;
    }

    /** Units-weighted mean of a rate: the sum of rate × units over the units where the rate was known. */
    private static double[] weightedMeansOnGrid(TimeSeries series, Map<LocalDate, double[]> sums, int weightedIndex,
                                                int weightIndex) {
        double[] values = new double[series.length()];
        Arrays.fill(values, Double.NaN);
        sums.forEach((period, periodSums) -> {
            if (periodSums[weightIndex] > 0) {
                values[gridIndex(series, period)] = periodSums[weightedIndex] / periodSums[weightIndex];
            }
        });
        double last = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                values[i] = last;
            } else {
                last = values[i];
            }
        }
        double first = Arrays.stream(values).filter(value -> !Double.isNaN(value)).findFirst().orElse(0);
        for (int i = 0; i < values.length && Double.isNaN(values[i]); i++) {
            values[i] = first;
        }
        return values;
    }

    private static int gridIndex(TimeSeries series, LocalDate period) {
        return Math.toIntExact(series.frequency().indexOf(series.start(), period));
    }

    private static LocalDate periodStart(LocalDate day, Frequency frequency) {
        return switch (frequency) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** Category columns of the level, then the SKU for products; empty for the total. */
    private static List<String> keyColumns(Level level) {
        List<String> columns = new ArrayList<>(SalesConditions.CATEGORY_COLUMNS.subList(0, level.categoryDepth()));
        if (level == Level.PRODUCT) {
            columns.add("p.sku");
        }
        return columns;
    }

    private static List<String> key(ResultSet rs, int size) throws SQLException {
        List<String> key = new ArrayList<>(size);
        for (int i = 1; i <= size; i++) {
            String part = rs.getString(i);
            key.add(part == null ? "" : part);
        }
        return key;
    }

    private static int compareKeys(List<String> left, List<String> right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int order = left.get(i).compareTo(right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }
}
