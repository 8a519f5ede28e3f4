package com.trendcast.behaviour;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** How finely the conversion trend is bucketed; weeks start on Monday (ISO). */
public enum TrendGrain {
    DAY, WEEK;

    public LocalDate start(LocalDate day) {
        return this == DAY ? day : day.with(DayOfWeek.MONDAY);
    }
}
