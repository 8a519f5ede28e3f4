package com.trendcast.forecast.engine.calendar;

import com.trendcast.forecast.engine.Frequency;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;

/**
 * Calendar position of a period and its cyclic encodings. Sine/cosine pairs place the last and first position
 * of a cycle next to each other (Sunday next to Monday, December next to January), which plain ordinals do not.
 *
 * @param dayOfWeek  1 (Monday) to 7 (Sunday)
 * @param weekOfYear ISO week, 1 to 53
 * @param month      1 to 12
 * @param dayOfYear  1 to 366
 */
public record CalendarFeatures(int dayOfWeek, int weekOfYear, int month, int dayOfYear) {

    /** Mean length of the Gregorian year, so yearly cycles do not drift over leap years. */
    private static final double DAYS_PER_YEAR = 365.2425;
    private static final double WEEKS_PER_YEAR = DAYS_PER_YEAR / 7;

    public static CalendarFeatures of(LocalDate date) {
        return new CalendarFeatures(date.getDayOfWeek().getValue(), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                date.getMonthValue(), date.getDayOfYear());
    }

    public double dayOfWeekSin() {
        return Math.sin(2 * Math.PI * (dayOfWeek - 1) / 7);
    }

    public double dayOfWeekCos() {
        return Math.cos(2 * Math.PI * (dayOfWeek - 1) / 7);
    }

    public double weekOfYearSin() {
        return Math.sin(2 * Math.PI * (weekOfYear - 1) / WEEKS_PER_YEAR);
    }

    public double weekOfYearCos() {
        return Math.cos(2 * Math.PI * (weekOfYear - 1) / WEEKS_PER_YEAR);
    }

    public double monthSin() {
        return Math.sin(2 * Math.PI * (month - 1) / 12);
    }

    public double monthCos() {
        return Math.cos(2 * Math.PI * (month - 1) / 12);
    }

    public double yearSin() {
        return Math.sin(2 * Math.PI * (dayOfYear - 1) / DAYS_PER_YEAR);
    }

    public double yearCos() {
        return Math.cos(2 * Math.PI * (dayOfYear - 1) / DAYS_PER_YEAR);
    }

    /** Names of the cyclic features meaningful at {@code frequency}, matching {@link #encode(LocalDate, Frequency)}. */
    public static List<String> encodingNames(Frequency frequency) {
        return switch (frequency) {
            case DAY -> List.of("dow_sin", "dow_cos", "year_sin", "year_cos");
            case WEEK -> List.of("woy_sin", "woy_cos");
            case MONTH -> List.of("month_sin", "month_cos");
        };
    }

    /** Cyclic features of the period starting at {@code date}, in the order of {@link #encodingNames(Frequency)}. */
    public static double[] encode(LocalDate date, Frequency frequency) {
        CalendarFeatures features = of(date);
        return switch (frequency) {
            case DAY -> new double[]{features.dayOfWeekSin(), features.dayOfWeekCos(), features.yearSin(),
                    features.yearCos()};
            case WEEK -> new double[]{features.weekOfYearSin(), features.weekOfYearCos()};
            case MONTH -> new double[]{features.monthSin(), features.monthCos()};
        };
    }

    /**
     * Fourier terms {@code sin(2πk·t/period), cos(2πk·t/period)} for k = 1..harmonics, written pairwise into
     * {@code out} from {@code offset}.
     */
    public static void fourier(double t, double period, int harmonics, double[] out, int offset) {
        for (int k = 1; k <= harmonics; k++) {
            double angle = 2 * Math.PI * k * t / period;
            out[offset + 2 * (k - 1)] = Math.sin(angle);
            out[offset + 2 * (k - 1) + 1] = Math.cos(angle);
        }
    }

    /** Years, as a fraction, from the epoch to {@code date}: a continuous time axis for yearly Fourier terms. */
    public static double yearsSinceEpoch(LocalDate date) {
        return date.toEpochDay() / DAYS_PER_YEAR;
    }
}
