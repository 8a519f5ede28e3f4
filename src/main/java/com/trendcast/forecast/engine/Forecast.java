package com.trendcast.forecast.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Forecast of one series over a horizon: point values and a prediction interval per period.
 *
 * @param key           key of the forecast series
 * @param dates         date of each forecast period
 * @param point         point forecast per period
 * @param lower         lower interval bound per period; equal to {@code point} when there is no interval
 * @param upper         upper interval bound per period; equal to {@code point} when there is no interval
 * @param intervalLevel nominal coverage of the interval, e.g. 0.8; 0 for a point-only forecast
 */
public record Forecast(List<String> key, List<LocalDate> dates, double[] point, double[] lower, double[] upper,
                       double intervalLevel) {

    public Forecast {
        key = List.copyOf(key);
        dates = List.copyOf(dates);
        point = point.clone();
        lower = lower.clone();
        upper = upper.clone();
        int horizon = dates.size();
        if (point.length != horizon || lower.length != horizon || upper.length != horizon) {
            throw new IllegalArgumentException("dates, point, lower and upper must have the same length");
        }
        if (intervalLevel < 0 || intervalLevel >= 1) {
            throw new IllegalArgumentException("intervalLevel must be in [0, 1): " + intervalLevel);
        }
        for (int i = 0; i < horizon; i++) {
            if (!Double.isFinite(point[i]) || !Double.isFinite(lower[i]) || !Double.isFinite(upper[i])) {
                throw new IllegalArgumentException("Forecast for " + key + " is not finite at step " + (i + 1));
            }
            if (lower[i] > point[i] || upper[i] < point[i]) {
                throw new IllegalArgumentException("Interval does not contain the point at step " + (i + 1));
            }
        }
    }

    /** A forecast without interval for the periods right after {@code history}. */
    public static Forecast pointOnly(TimeSeries history, double[] point) {
        return new Forecast(history.key(), datesAfter(history, point.length), point, point, point, 0);
    }

    /** The dates of the {@code horizon} periods following the end of {@code history}. */
    public static List<LocalDate> datesAfter(TimeSeries history, int horizon) {
        List<LocalDate> dates = new ArrayList<>(horizon);
        for (int step = 0; step < horizon; step++) {
            dates.add(history.dateAt(history.length() + step));
        }
        return dates;
    }

    public int horizon() {
        return dates.size();
    }

    public boolean hasInterval() {
        return intervalLevel > 0;
    }

    /** Negative point values and bounds raised to zero, for quantities that cannot be negative such as units sold. */
    public Forecast clippedAtZero() {
        return new Forecast(key, dates, clip(point), clip(lower), clip(upper), intervalLevel);
    }

    private static double[] clip(double[] values) {
        double[] clipped = values.clone();
        for (int i = 0; i < clipped.length; i++) {
            clipped[i] = Math.max(0, clipped[i]);
        }
        return clipped;
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Forecast that
                && key.equals(that.key)
                && dates.equals(that.dates)
                && Arrays.equals(point, that.point)
                && Arrays.equals(lower, that.lower)
                && Arrays.equals(upper, that.upper)
                && Double.compare(intervalLevel, that.intervalLevel) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, dates, Arrays.hashCode(point), Arrays.hashCode(lower), Arrays.hashCode(upper),
                intervalLevel);
    }

    @Override
    public String toString() {
        return "Forecast[" + key + ", " + dates.size() + " periods from "
                + (dates.isEmpty() ? "-" : dates.get(0)) + ", level=" + intervalLevel + "]";
    }
}
