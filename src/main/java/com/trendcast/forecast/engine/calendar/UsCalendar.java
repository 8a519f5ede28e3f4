package com.trendcast.forecast.engine.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * US federal holidays that move retail demand, plus Black Friday and Cyber Monday. Fixed-date holidays on a
 * weekend are also flagged {@value #OBSERVED} on the federal day off: the Friday before a Saturday, the Monday
 * after a Sunday.
 */
final class UsCalendar extends YearlyRuleCalendar {

    static final UsCalendar INSTANCE = new UsCalendar();

    static final String NEW_YEAR = "NEW_YEAR";
    static final String MLK_DAY = "MLK_DAY";
    static final String PRESIDENTS_DAY = "PRESIDENTS_DAY";
    static final String MEMORIAL_DAY = "MEMORIAL_DAY";
    static final String INDEPENDENCE_DAY = "INDEPENDENCE_DAY";
    static final String LABOR_DAY = "LABOR_DAY";
    static final String THANKSGIVING = "THANKSGIVING";
    static final String BLACK_FRIDAY = "BLACK_FRIDAY";
    static final String CYBER_MONDAY = "CYBER_MONDAY";
    static final String CHRISTMAS = "CHRISTMAS";
    static final String OBSERVED = "OBSERVED";

    private UsCalendar() {
    }

    @Override
    public String name() {
        return "US";
    }

    @Override
    public List<String> eventNames() {
        return names(NEW_YEAR, MLK_DAY, PRESIDENTS_DAY, MEMORIAL_DAY, INDEPENDENCE_DAY, LABOR_DAY, THANKSGIVING,
                BLACK_FRIDAY, CYBER_MONDAY, CHRISTMAS, OBSERVED);
    }

    /** Thanksgiving: the fourth Thursday of November. */
    static LocalDate thanksgiving(int year) {
        return LocalDate.of(year, Month.NOVEMBER, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
    }

    @Override
    void addEvents(int year, EventSink sink) {
        fixed(LocalDate.of(year, 1, 1), NEW_YEAR, sink);
        // A Saturday New Year of the next year is observed on 31 December of this one.
        fixed(LocalDate.of(year + 1, 1, 1), NEW_YEAR, sink);
        sink.add(nthMonday(year, Month.JANUARY, 3), MLK_DAY);
        sink.add(nthMonday(year, Month.FEBRUARY, 3), PRESIDENTS_DAY);
        sink.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
                MEMORIAL_DAY);
        fixed(LocalDate.of(year, 7, 4), INDEPENDENCE_DAY, sink);
        sink.add(nthMonday(year, Month.SEPTEMBER, 1), LABOR_DAY);
        LocalDate thanksgiving = thanksgiving(year);
        sink.add(thanksgiving, THANKSGIVING);
        sink.add(thanksgiving.plusDays(1), BLACK_FRIDAY);
        sink.add(thanksgiving.plusDays(4), CYBER_MONDAY);
        fixed(LocalDate.of(year, 12, 25), CHRISTMAS, sink);
    }

    private static void fixed(LocalDate date, String event, EventSink sink) {
        sink.add(date, event);
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
            sink.add(date.minusDays(1), OBSERVED);
        } else if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            sink.add(date.plusDays(1), OBSERVED);
        }
    }

    private static LocalDate nthMonday(int year, Month month, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }
}
