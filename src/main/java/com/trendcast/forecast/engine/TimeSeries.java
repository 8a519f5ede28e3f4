package com.trendcast.forecast.engine;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A regular, gap-free series of finite values: period {@code i} falls on {@code frequency.plus(start, i)}.
 * Missing periods must be filled before construction, see {@link GapFilling}.
 *
 * @param key        identifying path, e.g. {@code [category1, category2, category3, sku]}; empty for the total
 * @param start      date of the first period
 * @param frequency  sampling frequency
 * @param values     one finite value per period
 * @param covariates drivers by name, each exactly as long as the series
 */
public record TimeSeries(List<String> key, LocalDate start, Frequency frequency, double[] values,
                         Map<String, Covariate> covariates) {

    public TimeSeries {
        key = List.copyOf(key);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(frequency, "frequency");
        values = values.clone();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("Series " + key + " has a non-finite value at index " + i);
            }
        }
        Map<String, Covariate> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Covariate> entry : covariates.entrySet()) {
            Covariate covariate = entry.getValue();
            if (!entry.getKey().equals(covariate.name())) {
                throw new IllegalArgumentException("Covariate map key " + entry.getKey() + " differs from its name");
            }
            if (covariate.length() != values.length) {
                throw new IllegalArgumentException("Covariate " + covariate.name() + " has " + covariate.length()
                        + " values for a series of " + values.length);
            }
            copy.put(entry.getKey(), covariate);
        }
        covariates = Collections.unmodifiableMap(copy);
    }

    /** A series without covariates. */
    public TimeSeries(List<String> key, LocalDate start, Frequency frequency, double[] values) {
        this(key, start, frequency, values, Map.of());
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int length() {
        return values.length;
    }

    public double valueAt(int index) {
        return values[index];
    }

    public LocalDate dateAt(int index) {
        return frequency.plus(start, index);
    }

    /** Date of the last period; undefined for an empty series. */
    public LocalDate endDate() {
        if (values.length == 0) {
            throw new IllegalStateException("Series " + key + " is empty");
        }
        return dateAt(values.length - 1);
    }

    /** Periods {@code [from, to)} with their covariates, keeping key and frequency. */
    public TimeSeries slice(int from, int to) {
        Map<String, Covariate> sliced = new LinkedHashMap<>();
        covariates.forEach((name, covariate) -> sliced.put(name, covariate.slice(from, to)));
        return new TimeSeries(key, dateAt(from), frequency, Arrays.copyOfRange(values, from, to), sliced);
    }

    /** The first {@code length} periods, e.g. the history up to a backtest origin. */
    public TimeSeries head(int length) {
        return slice(0, length);
    }

    /** The same periods with new values, dropping covariates. */
    public TimeSeries withValues(double[] newValues) {
        return new TimeSeries(key, start, frequency, newValues);
    }

    /** A copy with one more (or a replaced) covariate. */
    public TimeSeries withCovariate(Covariate covariate) {
        Map<String, Covariate> extended = new LinkedHashMap<>(covariates);
        extended.put(covariate.name(), covariate);
        return new TimeSeries(key, start, frequency, values, extended);
    }

    /** Values of the known-in-advance covariates over periods {@code [from, to)}, as future inputs for a model. */
    public Map<String, double[]> knownCovariateValues(int from, int to) {
        Map<String, double[]> window = new LinkedHashMap<>();
        covariates.forEach((name, covariate) -> {
            if (covariate.knownInAdvance()) {
                window.put(name, Arrays.copyOfRange(covariate.values(), from, to));
            }
        });
        return window;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeSeries that
                && key.equals(that.key)
                && start.equals(that.start)
                && frequency == that.frequency
                && Arrays.equals(values, that.values)
                && covariates.equals(that.covariates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, start, frequency, Arrays.hashCode(values), covariates);
    }

    @Override
    public String toString() {
        return "TimeSeries[" + key + ", " + frequency + " from " + start + ", n=" + values.length
                + (covariates.isEmpty() ? "]" : ", covariates=" + covariates.keySet() + "]");
    }
}
