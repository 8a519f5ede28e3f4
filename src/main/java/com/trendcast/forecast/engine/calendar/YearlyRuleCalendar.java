package com.trendcast.forecast.engine.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A calendar whose events are computed one year at a time and cached, since features query every day. */
abstract class YearlyRuleCalendar implements HolidayCalendar {

    private final Map<Integer, Map<LocalDate, Set<String>>> eventsByYear = new ConcurrentHashMap<>();

    @Override
    public Set<String> eventsOn(LocalDate date) {
        return eventsByYear.computeIfAbsent(date.getYear(), this::computeYear).getOrDefault(date, Set.of());
    }

    private Map<LocalDate, Set<String>> computeYear(int year) {
        Map<LocalDate, Set<String>> events = new HashMap<>();
        addEvents(year, (date, event) -> {
            if (date.getYear() == year) {
                events.computeIfAbsent(date, ignored -> new LinkedHashSet<>()).add(event);
            }
        });
        events.replaceAll((date, names) -> Collections.unmodifiableSet(names));
        return events;
    }

    /**
     * Emits the events of {@code year}. Dates outside the year are ignored, so rules may emit neighbouring-year
     * dates (e.g. a New Year holiday observed on 31 December) without special cases.
     */
    abstract void addEvents(int year, EventSink sink);

    @FunctionalInterface
    interface EventSink {
        void add(LocalDate date, String event);
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    static List<String> names(String... names) {
        return List.of(names);
    }
}
