package com.trendcast.sales;

import java.time.LocalDate;
import java.util.List;

/**
 * Revenue and units per category, sub-category or product over a date range, largest revenue first.
 *
 * @param category the category the breakdown is limited to; null for all the caller may see
 * @param from     first day covered; null when the caller's data is empty
 * @param to       last day covered; null when the caller's data is empty
 */
public record SalesBreakdown(SalesLevel level, String category, LocalDate from, LocalDate to,
                             List<SalesAnalytics.Slice> rows) {

    public SalesBreakdown {
        rows = List.copyOf(rows);
    }
}
