package com.trendcast.forecast.engine.eval;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What one model forecast for one fold of one series, next to what happened.
 *
 * @param seriesKey  key of the series
 * @param model      model name
 * @param fold       the split
 * @param originDate date of the first test period
 * @param actual     actual values of the test periods
 * @param forecast   point forecasts of the test periods
 * @param maseScale  MASE denominator from the training part, {@code NaN} when undefined
 * @param level      recent mean absolute level of the training part, used to scale residuals
 */
public record FoldForecast(List<String> seriesKey, String model, Fold fold, LocalDate originDate, double[] actual,
                           double[] forecast, double maseScale, double level) {

    public FoldForecast {
        seriesKey = List.copyOf(seriesKey);
        actual = actual.clone();
        forecast = forecast.clone();
        if (actual.length != forecast.length) {
            throw new IllegalArgumentException("actual and forecast differ in length");
        }
    }

    @Override
    public double[] actual() {
        return actual.clone();
    }

    @Override
    public double[] forecast() {
        return forecast.clone();
    }

    /** Error {@code forecast - actual} at horizon step {@code step} (0-based). */
    public double error(int step) {
        return forecast[step] - actual[step];
    }

    public double actualAt(int step) {
        return actual[step];
    }

    public double forecastAt(int step) {
        return forecast[step];
    }

    public int horizon() {
        return actual.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FoldForecast that
                && seriesKey.equals(that.seriesKey)
                && model.equals(that.model)
                && fold.equals(that.fold)
                && originDate.equals(that.originDate)
                && Arrays.equals(actual, that.actual)
                && Arrays.equals(forecast, that.forecast)
                && Double.compare(maseScale, that.maseScale) == 0
                && Double.compare(level, that.level) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(seriesKey, model, fold, originDate, Arrays.hashCode(actual), Arrays.hashCode(forecast),
                maseScale, level);
    }

    @Override
    public String toString() {
        return "FoldForecast[" + seriesKey + ", " + model + ", " + fold + "]";
    }
}
