package com.trendcast.forecast.engine.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;

/**
 * Mainland China retail calendar. Spring Festival follows the lunar calendar and is taken from a table covering
 * 2010–2030; outside those years it is not flagged. The Spring Festival week (eve to the sixth day) approximates
 * the official holiday, whose exact make-up days change every year.
 */
final class ChinaCalendar extends YearlyRuleCalendar {

    static final ChinaCalendar INSTANCE = new ChinaCalendar();

    static final String NEW_YEAR = "NEW_YEAR";
    static final String SPRING_FESTIVAL = "SPRING_FESTIVAL";
    static final String SPRING_FESTIVAL_WEEK = "SPRING_FESTIVAL_WEEK";
    static final String SALE_618 = "SALE_618";
    static final String NATIONAL_DAY = "NATIONAL_DAY";
    static final String DOUBLE_11 = "DOUBLE_11";
    static final String DOUBLE_12 = "DOUBLE_12";

    private static final Map<Integer, MonthDay> SPRING_FESTIVAL_DATES = Map.ofEntries(
            Map.entry(2010, MonthDay.of(2, 14)), Map.entry(2011, MonthDay.of(2, 3)),
            Map.entry(2012, MonthDay.of(1, 23)), Map.entry(2013, MonthDay.of(2, 10)),
            Map.entry(2014, MonthDay.of(1, 31)), Map.entry(2015, MonthDay.of(2, 19)),
            Map.entry(2016, MonthDay.of(2, 8)), Map.entry(2017, MonthDay.of(1, 28)),
            Map.entry(2018, MonthDay.of(2, 16)), Map.entry(2019, MonthDay.of(2, 5)),
            Map.entry(2020, MonthDay.of(1, 25)), Map.entry(2021, MonthDay.of(2, 12)),
            Map.entry(2022, MonthDay.of(2, 1)), Map.entry(2023, MonthDay.of(1, 22)),
            Map.entry(2024, MonthDay.of(2, 10)), Map.entry(2025, MonthDay.of(1, 29)),
            Map.entry(2026, MonthDay.of(2, 17)), Map.entry(2027, MonthDay.of(2, 6)),
            Map.entry(2028, MonthDay.of(1, 26)), Map.entry(2029, MonthDay.of(2, 13)),
            Map.entry(2030, MonthDay.of(2, 3)));

    private ChinaCalendar() {
    }

    /**
     * Spring Festival (lunar New Year's day) of {@code year}.
     *
     * @throws IllegalArgumentException outside 2010–2030
     */
    static LocalDate springFestival(int year) {
        MonthDay day = SPRING_FESTIVAL_DATES.get(year);
        if (day == null) {
            throw new IllegalArgumentException("Spring Festival is tabulated for 2010-2030 only, not " + year);
        }
        return day.atYear(year);
    }

    @Override
    public String name() {
        return "CN";
    }

    @Override
    public List<String> eventNames() {
        return names(NEW_YEAR, SPRING_FESTIVAL, SPRING_FESTIVAL_WEEK, SALE_618, NATIONAL_DAY, DOUBLE_11, DOUBLE_12);
    }

    @Override
    void addEvents(int year, EventSink sink) {
        sink.add(LocalDate.of(year, 1, 1), NEW_YEAR);
        // The festival is never before 21 January, so its week never starts in the previous year.
        if (SPRING_FESTIVAL_DATES.containsKey(year)) {
            LocalDate festival = springFestival(year);
            sink.add(festival, SPRING_FESTIVAL);
            for (int offset = -1; offset <= 5; offset++) {
                sink.add(festival.plusDays(offset), SPRING_FESTIVAL_WEEK);
            }
        }
        sink.add(LocalDate.of(year, 6, 18), SALE_618);
        for (int day = 1; day <= 7; day++) {
            sink.add(LocalDate.of(year, 10, day), NATIONAL_DAY);
        }
        sink.add(LocalDate.of(year, 11, 11), DOUBLE_11);
        sink.add(LocalDate.of(year, 12, 12), DOUBLE_12);
    }
}
