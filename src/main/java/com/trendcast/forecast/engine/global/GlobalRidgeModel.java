package com.trendcast.forecast.engine.global;

import com.trendcast.forecast.engine.Covariate;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.math.RidgeRegression;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One ridge regression across all series on lag, profile, calendar and covariate features: the fast, strong
 * tabular baseline of retail competitions, without gradient boosting.
 * <p>
 * Each series is divided by its level ({@link SeriesScaling#scale}). A row predicts period {@code t} from what
 * was known at an origin {@code h} periods earlier, with {@code h} drawn at random within the horizon, so rows
 * look exactly like the forecasts they train for (direct, no recursion): the recent level, the median of the
 * recent same-weekday values, the value a year earlier, the calendar, the known covariates of the period and
 * its neighbours, and each covariate times the weekday profile so promotions and holidays act multiplicatively.
 * Periods where an open indicator is zero ({@link OpenIndicators}) are left out of the fit and forecast as 0.
 */
public final class GlobalRidgeModel implements GlobalForecastModel {

    private static final int MAX_ROWS = 250_000;
    private static final double RELATIVE_PENALTY = 1e-3;
    private static final int RECENT_DAYS = 28;
    private static final int RECENT_PERIODS = 8;

    private final long seed;

    public GlobalRidgeModel(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return "global-linear";
    }

    @Override
    public List<double[]> forecast(List<TimeSeries> histories, int horizon,
                                   List<Map<String, double[]>> futureCovariates) {
        if (histories.isEmpty()) {
            return List.of();
        }
        Frequency frequency = histories.get(0).frequency();
        List<String> names = histories.get(0).covariates().values().stream()
                .filter(Covariate::knownInAdvance).map(Covariate::name).toList();
        Set<String> gates = OpenIndicators.detect(histories);
        List<Prepared> panel = new ArrayList<>();
        for (int s = 0; s < histories.size(); s++) {
            panel.add(Prepared.of(histories.get(s), names, futureCovariates.get(s), horizon));
        }
        long candidates = panel.stream().mapToLong(Prepared::length).sum();
        double keep = Math.min(1, (double) MAX_ROWS / Math.max(1, candidates));
        Random random = new Random(seed);
        List<double[]> rows = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        for (Prepared one : panel) {
            for (int t = 1; t < one.length(); t++) {
                if (random.nextDouble() >= keep || one.closed(t, gates, names)) {
                    continue;
                }
                int origin = Math.max(1, t - random.nextInt(horizon));
                rows.add(features(one, t, origin, horizon, frequency));
                targets.add(one.scaled()[t]);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("No open period to learn from");
        }
        Standardised standardised = Standardised.of(rows);
        double[][] design = rows.stream().map(standardised::apply).toArray(double[][]::new);
        boolean[] penalised = new boolean[design[0].length];
        Arrays.fill(penalised, true);
        penalised[0] = false;
        double[] coefficients = RidgeRegression.fit(design, targets.stream().mapToDouble(Double::doubleValue)
                .toArray(), RELATIVE_PENALTY * design.length, penalised);
        List<double[]> forecasts = new ArrayList<>();
        for (Prepared one : panel) {
            double[] point = new double[horizon];
            for (int step = 0; step < horizon; step++) {
                int t = one.length() + step;
                double value = one.closed(t, gates, names) ? 0
                        : RidgeRegression.predict(standardised.apply(features(one, t, one.length(), horizon,
                        frequency)), coefficients) * one.scale();
                point[step] = Double.isFinite(value) ? value : one.scale();
            }
            forecasts.add(point);
        }
        return forecasts;
    }

    private static double[] features(Prepared one, int t, int origin, int horizon, Frequency frequency) {
        double[] z = one.scaled();
        int recent = Math.max(1, Math.min(origin, frequency == Frequency.DAY ? RECENT_DAYS : RECENT_PERIODS));
        double level = 0;
        for (int k = origin - recent; k < origin; k++) {
            level += z[k];
        }
        level /= recent;
        int phase = RecentProfiles.phase(frequency);
        double profile = RecentProfiles.profile(z, t, origin, phase, level);
        double matched = RecentProfiles.matched(z, one.flags(), t, origin, phase, profile);
        int lastYear = t - SeriesScaling.yearLag(frequency);
        boolean lastYearKnown = lastYear >= 0 && lastYear < origin;
        double[] calendar = CalendarInputs.of(one.dateAt(t), frequency);
        int covariates = one.covariates().length;
        double[] row = new double[7 + calendar.length + 4 * covariates];
        row[0] = 1;
        row[1] = level;
        row[2] = profile;
        row[3] = matched;
        row[4] = lastYearKnown ? z[lastYear] : profile;
        row[5] = lastYearKnown ? 1 : 0;
        row[6] = (double) (t - origin + 1) / horizon;
        System.arraycopy(calendar, 0, row, 7, calendar.length);
        int base = 7 + calendar.length;
        for (int c = 0; c < covariates; c++) {
            double[] values = one.covariates()[c];
            int last = values.length - 1;
            row[base + 4 * c] = values[t];
            row[base + 4 * c + 1] = values[Math.max(0, t - 1)];
            row[base + 4 * c + 2] = values[Math.min(last, t + 1)];
            row[base + 4 * c + 3] = values[t] * profile;
        }
        return row;
    }

    /** A series divided by its level, with its known covariates over history and horizon. */
    private record Prepared(TimeSeries history, double scale, double[] scaled, double[][] covariates,
                            double[][] flags) {

        static Prepared of(TimeSeries history, List<String> names, Map<String, double[]> future, int horizon) {
            double scale = SeriesScaling.scale(history.values(), history.frequency());
            double[] scaled = history.values();
            for (int t = 0; t < scaled.length; t++) {
                scaled[t] /= scale;
            }
            double[][] covariates = new double[names.size()][history.length() + horizon];
            for (int c = 0; c < names.size(); c++) {
                Covariate covariate = history.covariates().get(names.get(c));
                double[] ahead = future.get(names.get(c));
                if (covariate == null || ahead == null || ahead.length < horizon) {
                    throw new IllegalArgumentException("Series " + history.key() + " lacks known covariate "
                            + names.get(c) + " over the horizon");
                }
                for (int t = 0; t < history.length() + horizon; t++) {
                    covariates[c][t] = t < history.length() ? covariate.valueAt(t) : ahead[t - history.length()];
                }
            }
            return new Prepared(history, scale, scaled, covariates, RecentProfiles.flags(covariates));
        }

        int length() {
            return history.length();
        }

        LocalDate dateAt(int t) {
            return history.dateAt(t);
        }

        boolean closed(int t, Set<String> gates, List<String> names) {
            for (int c = 0; c < names.size(); c++) {
                if (gates.contains(names.get(c)) && covariates[c][t] == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Column means and deviations of the training rows, the intercept column left as is. */
    private record Standardised(double[] means, double[] deviations) {

        static Standardised of(List<double[]> rows) {
            int columns = rows.get(0).length;
            double[] means = new double[columns];
            double[] squares = new double[columns];
            for (double[] row : rows) {
                for (int j = 0; j < columns; j++) {
                    means[j] += row[j];
                    squares[j] += row[j] * row[j];
                }
            }
            double[] deviations = new double[columns];
            for (int j = 0; j < columns; j++) {
                means[j] /= rows.size();
                double variance = squares[j] / rows.size() - means[j] * means[j];
                deviations[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
            }
            means[0] = 0;
            deviations[0] = 1;
            return new Standardised(means, deviations);
        }

        double[] apply(double[] row) {
            double[] standardised = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                standardised[j] = (row[j] - means[j]) / deviations[j];
            }
            return standardised;
        }
    }
}
