package com.trendcast.sales;

import java.time.LocalDate;
import java.util.List;

/**
 * Headline figures of the sales a user may see: the last {@code days} days up to the latest sales
 * day, compared with the {@code days} days before.
 */
public record SalesOverview(
        LocalDate latestDay,
        int days,
        double revenue,
        double previousRevenue,
        double units,
        double previousUnits,
        long activeProducts,
        List<CategoryWeek> weeklyRevenue,
        List<CategoryTotal> topCategories,
        List<ProductMover> movers) {

    /** Copies the lists: answers are shared from the cache, so no reader may change them. */
    public SalesOverview {
        weeklyRevenue = List.copyOf(weeklyRevenue);
        topCategories = List.copyOf(topCategories);
        movers = List.copyOf(movers);
    }

    public boolean isEmpty() {
        return latestDay == null;
    }

    /** Relative change against the previous period, or {@code null} when there was nothing before. */
    public static Double change(double current, double previous) {
        return previous == 0 ? null : (current - previous) / previous;
    }

    public record CategoryWeek(String category, LocalDate weekStart, double revenue) {
    }

    public record CategoryTotal(String category, double revenue, double units) {
    }

    public record ProductMover(String sku, String name, String category, double revenue, double previousRevenue) {
    }
}
