package com.trendcast.forecast.engine.global;

import com.trendcast.forecast.engine.Covariate;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One regression across all series on lag, profile, calendar and covariate features, learned either by ridge
 * regression ({@code global-linear}: fast, linear) or by gradient-boosted trees ({@code global-xgboost}: the
 * model family that won most retail forecasting competitions, able to learn interactions such as promotion x
 * weekday x store level without hand-made products).
 * <p>
 * Each series is divided by its level ({@link SeriesScaling#scale}). A row predicts period {@code t} from what
 * was known at an origin {@code h} periods earlier, with {@code h} drawn at random within the horizon, so rows
 * look exactly like the forecasts they train for (direct, no recursion): the recent level, the median of the
 * recent same-weekday values, the value a year earlier, the calendar, the known covariates of the period and
 * its neighbours, and each covariate times the weekday profile so promotions and holidays act multiplicatively.
 * Periods where an open indicator is zero ({@link OpenIndicators}) are left out of the fit and forecast as 0.
 */
public final class GlobalTabularModel implements GlobalForecastModel {

    private static final int MAX_ROWS = 250_000;
    private static final int RECENT_DAYS = 28;
    private static final int RECENT_PERIODS = 8;

    private final String name;
    private final TabularLearner learner;
    private final long seed;

    private GlobalTabularModel(String name, TabularLearner learner, long seed) {
        this.name = name;
        this.learner = learner;
        this.seed = seed;
    }

    public static GlobalTabularModel ridge(long seed) {
        return new GlobalTabularModel("global-linear", TabularLearner.ridge(), seed);
    }

    public static GlobalTabularModel boostedTrees(long seed) {
        return new GlobalTabularModel("global-xgboost", new BoostedTreesLearner(seed), seed);
    }

    @Override
    public String name() {
        return name;
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
        TabularLearner.Predictor predictor = learner.fit(rows,
                targets.stream().mapToDouble(Double::doubleValue).toArray());
        List<double[]> forecasts = new ArrayList<>();
        for (Prepared one : panel) {
            double[] point = new double[horizon];
            for (int step = 0; step < horizon; step++) {
                int t = one.length() + step;
                double value = one.closed(t, gates, names) ? 0
                        : predictor.predict(features(one, t, one.length(), horizon, frequency)) * one.scale();
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
}
