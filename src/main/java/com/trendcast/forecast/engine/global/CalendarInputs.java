package com.trendcast.forecast.engine.global;

import com.trendcast.forecast.engine.Frequency;

import java.time.LocalDate;

/**
 * Calendar inputs shared by the global models: for days the weekday one-hot, the day of month and two
 * yearly harmonics (paydays and seasons); for weeks three yearly harmonics; for months the month one-hot.
 */
public final class CalendarInputs {

    private CalendarInputs() {
    }

    public static double[] of(LocalDate date, Frequency frequency) {
        double yearAngle = 2 * Math.PI * (date.getDayOfYear() - 1) / 365.25;
        return switch (frequency) {
            case DAY -> {
                double[] features = new double[13];
                features[date.getDayOfWeek().getValue() - 1] = 1;
                double monthAngle = 2 * Math.PI * (date.getDayOfMonth() - 1) / date.lengthOfMonth();
                features[7] = Math.sin(monthAngle);
                features[8] = Math.cos(monthAngle);
                features[9] = Math.sin(yearAngle);
                features[10] = Math.cos(yearAngle);
                features[11] = Math.sin(2 * yearAngle);
                features[12] = Math.cos(2 * yearAngle);
                yield features;
            }
            case WEEK -> new double[]{Math.sin(yearAngle), Math.cos(yearAngle), Math.sin(2 * yearAngle),
                    Math.cos(2 * yearAngle), Math.sin(3 * yearAngle), Math.cos(3 * yearAngle)};
            case MONTH -> {
                double[] features = new double[12];
                features[date.getMonthValue() - 1] = 1;
                yield features;
            }
        };
    }

    public static int size(Frequency frequency) {
        return of(LocalDate.EPOCH, frequency).length;
    }
}
