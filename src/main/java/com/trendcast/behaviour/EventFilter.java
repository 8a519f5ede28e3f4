package com.trendcast.behaviour;

import java.time.LocalDate;

/**
 * What part of an event dataset the behaviour view looks at: a date range (either end open, both ends
 * included), one event category or all the caller may see, and how many distinct viewers an item needs
 * before it may rank among the top items by conversion (so an item seen once and bought once does not
 * top the list with 100 %).
 */
public record EventFilter(LocalDate from, LocalDate to, String category, int minItemViewers) {

    public static final int DEFAULT_MIN_ITEM_VIEWERS = 20;

    public EventFilter {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
        if (minItemViewers < 1) {
            throw new IllegalArgumentException("an item needs at least one viewer to have a conversion rate");
        }
        category = category == null || category.isBlank() ? null : category;
    }

    public static EventFilter all() {
        return new EventFilter(null, null, null, DEFAULT_MIN_ITEM_VIEWERS);
    }
}
