package com.trendcast.forecast.engine.calendar;

import com.trendcast.forecast.engine.Frequency;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Retail-relevant events of one market, usable as model features. */
public interface HolidayCalendar {

    /** Short name of the calendar, e.g. "UK". */
    String name();

    /** All event names this calendar can produce, in a fixed order that defines the feature columns. */
    List<String> eventNames();

    /** Names of the events falling on {@code date}; empty on ordinary days. */
    Set<String> eventsOn(LocalDate date);

    /** One 0/1 flag per entry of {@link #eventNames()} for {@code date}. */
    default double[] flags(LocalDate date) {
        List<String> names = eventNames();
        Set<String> events = eventsOn(date);
        double[] flags = new double[names.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = events.contains(names.get(i)) ? 1 : 0;
        }
        return flags;
    }

    /**
     * Per entry of {@link #eventNames()}, the number of days of the period starting at {@code periodStart} on
     * which the event falls; for daily data this equals {@link #flags(LocalDate)}.
     */
    default double[] eventDays(LocalDate periodStart, Frequency frequency) {
        List<String> names = eventNames();
        double[] counts = new double[names.size()];
        LocalDate end = frequency.plus(periodStart, 1);
        for (LocalDate day = periodStart; day.isBefore(end); day = day.plusDays(1)) {
            Set<String> events = eventsOn(day);
            if (events.isEmpty()) {
                continue;
            }
            for (int i = 0; i < counts.length; i++) {
                if (events.contains(names.get(i))) {
                    counts[i]++;
                }
            }
        }
        return counts;
    }

    /** Mainland China: New Year, Spring Festival, National Day and the 618, Double 11 and Double 12 sales. */
    static HolidayCalendar china() {
        return ChinaCalendar.INSTANCE;
    }

    /** United Kingdom (England and Wales) bank holidays. */
    static HolidayCalendar uk() {
        return UkCalendar.INSTANCE;
    }

    /** United States federal holidays relevant to retail, plus Black Friday and Cyber Monday. */
    static HolidayCalendar us() {
        return UsCalendar.INSTANCE;
    }
}
