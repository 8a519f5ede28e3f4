package com.trendcast.sales;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** How finely a time axis is bucketed; weeks start on Monday (ISO). */
public enum Grain {
    DAY, WEEK, MONTH;

    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(DayOfWeek.MONDAY);
            case MONTH -> day.withDayOfMonth(1);
        };
    }
}
