package com.trendcast.sales;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything the sales analytics view shows for one {@link SalesFilter}, computed in one service call. */
public record SalesAnalytics(
        LocalDate from,
        LocalDate to,
        Totals current,
        /** The equally long period before, or {@code null} when the data does not cover all of it. */
        Totals previous,
        List<Period> daily,
        List<Slice> breakdown,
        boolean breakdownIsProducts,
        List<Slice> topProducts,
        List<MonthOverYear> yearOverYear,
        double[][] weekdayByMonthRevenue,
        double promotionRevenue,
        double regularRevenue) {

    /** Answers are shared between callers (see {@link SalesAnalyticsCache}): nothing in one can be changed. */
    public SalesAnalytics {
        daily = List.copyOf(daily);
        breakdown = List.copyOf(breakdown);
        topProducts = List.copyOf(topProducts);
        yearOverYear = List.copyOf(yearOverYear);
        weekdayByMonthRevenue = copy(weekdayByMonthRevenue);
    }

    /** Revenue per weekday (0 Monday) and month (0 January); a copy. */
    @Override
    public double[][] weekdayByMonthRevenue() {
        return copy(weekdayByMonthRevenue);
    }

    private static double[][] copy(double[][] cells) {
        double[][] copy = new double[cells.length][];
        for (int row = 0; row < cells.length; row++) {
            copy[row] = cells[row].clone();
        }
        return copy;
    }

    public boolean isEmpty() {
        return from == null;
    }

    /** The daily figures summed into periods of {@code grain}, in date order. */
    public List<Period> periods(Grain grain) {
        Map<LocalDate, double[]> sums = new TreeMap<>();
        for (Period day : daily) {
            double[] sum = sums.computeIfAbsent(grain.start(day.day()), d -> new double[2]);
            sum[0] += day.revenue();
            sum[1] += day.units();
        }
        List<Period> periods = new ArrayList<>(sums.size());
        sums.forEach((start, sum) -> periods.add(new Period(start, sum[0], sum[1])));
        return periods;
    }

    public record Totals(double revenue, double units, long orders) {
    }

    public record Period(LocalDate day, double revenue, double units) {
    }

    /** One bar of a breakdown: a category (or a product at the deepest level) and its figures. */
    public record Slice(String key, String label, double revenue, double units) {
    }

    public record MonthOverYear(LocalDate month, double revenue, double previousYearRevenue) {

        public Double growth() {
            return previousYearRevenue == 0 ? null : (revenue - previousYearRevenue) / previousYearRevenue;
        }
    }
}
