package com.trendcast.forecast.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/** Sampling frequency of a regular series, with its natural seasonal period and date arithmetic. */
public enum Frequency {
    DAY(7),
    WEEK(52),
    MONTH(12);

    private final int seasonalPeriod;

    Frequency(int seasonalPeriod) {
        this.seasonalPeriod = seasonalPeriod;
    }

    /** Number of periods in one natural season: a week of days, a year of weeks or of months. */
    public int seasonalPeriod() {
        return seasonalPeriod;
    }

    /**
     * Date of the period {@code steps} after {@code start}. Months are counted from the start date each time
     * rather than stepped one by one, so a series starting on the 31st does not drift to the 28th.
     */
    public LocalDate plus(LocalDate start, long steps) {
        return switch (this) {
            case DAY -> start.plusDays(steps);
            case WEEK -> start.plusWeeks(steps);
            case MONTH -> start.plusMonths(steps);
        };
    }

    /**
     * Index of {@code date} on the grid that starts at {@code start}. Monthly grids match by calendar month
     * (any day of the month maps to that month); daily and weekly grids require the date to lie on the grid.
     *
     * @throws IllegalArgumentException if a weekly date is not a whole number of weeks from the start
     */
    public long indexOf(LocalDate start, LocalDate date) {
        return switch (this) {
            case DAY -> ChronoUnit.DAYS.between(start, date);
            case WEEK -> {
                long days = ChronoUnit.DAYS.between(start, date);
                if (days % 7 != 0) {
                    throw new IllegalArgumentException(date + " is not on the weekly grid starting " + start);
                }
                yield days / 7;
            }
            case MONTH -> ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(date));
        };
    }
}
