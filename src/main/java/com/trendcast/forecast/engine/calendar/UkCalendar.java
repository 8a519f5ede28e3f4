package com.trendcast.forecast.engine.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Bank holidays of England and Wales by the standing rules. Holidays on a weekend are flagged on their own date
 * and the following free weekday is flagged {@value #SUBSTITUTE_DAY}. One-off changes by proclamation
 * (jubilees, royal events, moved May holidays as in 2020 and 2022) are not included.
 */
final class UkCalendar extends YearlyRuleCalendar {

    static final UkCalendar INSTANCE = new UkCalendar();

    static final String NEW_YEAR = "NEW_YEAR";
    static final String GOOD_FRIDAY = "GOOD_FRIDAY";
    static final String EASTER_MONDAY = "EASTER_MONDAY";
    static final String EARLY_MAY = "EARLY_MAY";
    static final String SPRING = "SPRING";
    static final String SUMMER = "SUMMER";
    static final String CHRISTMAS = "CHRISTMAS";
    static final String BOXING_DAY = "BOXING_DAY";
    static final String SUBSTITUTE_DAY = "SUBSTITUTE_DAY";

    private UkCalendar() {
    }

    @Override
    public String name() {
        return "UK";
    }

    @Override
    public List<String> eventNames() {
        return names(NEW_YEAR, GOOD_FRIDAY, EASTER_MONDAY, EARLY_MAY, SPRING, SUMMER, CHRISTMAS, BOXING_DAY,
                SUBSTITUTE_DAY);
    }

    @Override
    void addEvents(int year, EventSink sink) {
        LocalDate newYear = LocalDate.of(year, 1, 1);
        sink.add(newYear, NEW_YEAR);
        substitutes(List.of(newYear)).forEach(day -> sink.add(day, SUBSTITUTE_DAY));
        LocalDate easter = Easter.sunday(year);
        sink.add(easter.minusDays(2), GOOD_FRIDAY);
        sink.add(easter.plusDays(1), EASTER_MONDAY);
        sink.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)), EARLY_MAY);
        sink.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)), SPRING);
        sink.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)), SUMMER);
        LocalDate christmas = LocalDate.of(year, 12, 25);
        LocalDate boxingDay = christmas.plusDays(1);
        sink.add(christmas, CHRISTMAS);
        sink.add(boxingDay, BOXING_DAY);
        substitutes(List.of(christmas, boxingDay)).forEach(day -> sink.add(day, SUBSTITUTE_DAY));
    }

    /**
     * Substitute weekdays for the weekend holidays among {@code holidays}: each takes the next weekday that is
     * neither a holiday itself nor already a substitute. With Christmas on a Sunday this gives Boxing Day on
     * Monday 26th and the Christmas substitute on Tuesday 27th, as gov.uk lists it.
     */
    private static List<LocalDate> substitutes(List<LocalDate> holidays) {
        List<LocalDate> taken = new ArrayList<>();
        for (LocalDate holiday : holidays) {
            if (!isWeekend(holiday)) {
                taken.add(holiday);
            }
        }
        List<LocalDate> substitutes = new ArrayList<>();
        for (LocalDate holiday : holidays) {
            if (!isWeekend(holiday)) {
                continue;
            }
            LocalDate candidate = holiday.plusDays(1);
            while (isWeekend(candidate) || taken.contains(candidate)) {
                candidate = candidate.plusDays(1);
            }
            taken.add(candidate);
            substitutes.add(candidate);
        }
        return substitutes;
    }
}
