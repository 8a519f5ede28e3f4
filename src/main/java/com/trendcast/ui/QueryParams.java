package com.trendcast.ui;

import com.vaadin.flow.router.BeforeEnterEvent;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The query of the URL a view is entered with, read leniently: a view whose state lives in the URL must open
 * from any hand-edited or outdated link, so a missing or malformed value reads as "not given", never as an error.
 */
public final class QueryParams {

    private final Map<String, List<String>> parameters;

    public QueryParams(Map<String, List<String>> parameters) {
        this.parameters = parameters;
    }

    public static QueryParams of(BeforeEnterEvent event) {
        return new QueryParams(event.getLocation().getQueryParameters().getParameters());
    }

    /** Every value of {@code key} in order; empty when it is missing. */
    public List<String> all(String key) {
        return parameters.getOrDefault(key, List.of());
    }

    /** The first value of {@code key}, or null. */
    public String first(String key) {
        List<String> values = parameters.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The ISO date ({@code 2024-03-31}) under {@code key}, or null when it is missing or no such date. */
    public LocalDate date(String key) {
        String value = first(key);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The range between the dates under {@code fromKey} and {@code toKey}; either end may be open (null). A range
     * that ends before it starts is ignored as a whole, as if neither date were given.
     */
    public DateRange dateRange(String fromKey, String toKey) {
        LocalDate from = date(fromKey);
        LocalDate to = date(toKey);
        boolean valid = from == null || to == null || !to.isBefore(from);
        return valid ? new DateRange(from, to) : new DateRange(null, null);
    }

    /** A range of days, both ends included; a null end is open. */
    public record DateRange(LocalDate from, LocalDate to) {
    }
}
