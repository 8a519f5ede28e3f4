package com.trendcast.forecast.engine.global;

import com.trendcast.forecast.engine.Covariate;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
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
    /** Trailing windows, in periods, whose open-period means describe the recent and longer-run level. */
    private static final Map<Frequency, int[]> WINDOWS = Map.of(Frequency.DAY, new int[]{7, 14, 28, 56, 182, 364},
            Frequency.WEEK, new int[]{4, 8, 13, 26, 52}, Frequency.MONTH, new int[]{3, 6, 12});
    /** Longest run position counted for 0/1 covariates: four weeks of days, two months of weeks. */
    private static final Map<Frequency, Integer> RUN_CAP = Map.of(Frequency.DAY, 28, Frequency.WEEK, 8,
            Frequency.MONTH, 3);
    private static final int SAME_PHASE_SHORT = 8;
    private static final int QUARTER_WEEKS = 13;

    private final String name;
    private final TabularLearner learner;
    private final boolean treeInputs;
    private final long seed;

    private GlobalTabularModel(String name, TabularLearner learner, boolean treeInputs, long seed) {
        this.name = name;
        this.learner = learner;
        this.treeInputs = treeInputs;
        this.seed = seed;
    }

    public static GlobalTabularModel ridge(long seed) {
        return new GlobalTabularModel("global-linear", TabularLearner.ridge(), false, seed);
    }

    public static GlobalTabularModel boostedTrees(long seed) {
        return new GlobalTabularModel("global-xgboost", new BoostedTreesLearner(seed), true, seed);
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
            panel.add(Prepared.of(histories.get(s), names, futureCovariates.get(s), horizon, gates));
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
                rows.add(features(one, t, origin, horizon, frequency, treeInputs));
                targets.add(one.scaled()[t]);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("No open period to learn from");
        }
        TabularLearner.Predictor predictor = learner.fit(rows,
                targets.stream().mapToDouble(Double::doubleValue).toArray());
        List<double[]> horizonRows = new ArrayList<>();
        for (Prepared one : panel) {
            for (int step = 0; step < horizon; step++) {
                horizonRows.add(features(one, one.length() + step, one.length(), horizon, frequency, treeInputs));
            }
        }
        double[] predicted = predictor.predictAll(horizonRows);
        List<double[]> forecasts = new ArrayList<>();
        for (int s = 0; s < panel.size(); s++) {
            Prepared one = panel.get(s);
            double[] point = new double[horizon];
            for (int step = 0; step < horizon; step++) {
                double value = one.closed(one.length() + step, gates, names) ? 0
                        : predicted[s * horizon + step] * one.scale();
                point[step] = Double.isFinite(value) ? value : one.scale();
            }
            forecasts.add(point);
        }
        return forecasts;
    }

    /**
     * The inputs that predict period {@code t} from what was known at {@code origin}: target values strictly
     * before the origin, covariates up to {@code origin + horizon} (exclusive), the calendar of {@code t}.
     */
    static double[] features(Prepared one, int t, int origin, int horizon, Frequency frequency, boolean treeInputs) {
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
        int yearLag = SeriesScaling.yearLag(frequency);
        int lastYear = t - yearLag;
        boolean lastYearKnown = lastYear >= 0 && lastYear < origin;
        double[] calendar = CalendarInputs.of(one.dateAt(t), frequency);
        HistoryWindows windows = one.windows();
        int[] widths = WINDOWS.get(frequency);
        double[][] flags = one.flags();
        int cap = RUN_CAP.get(frequency);
        int covariates = one.covariates().length;
        List<Double> row = new ArrayList<>();
        row.add(1.0);
        row.add(level);
        row.add(profile);
        row.add(matched);
        row.add(lastYearKnown ? z[lastYear] : profile);
        row.add(lastYearKnown ? 1.0 : 0.0);
        row.add((double) (t - origin + 1) / horizon);
        for (double value : calendar) {
            row.add(value);
        }
        for (int c = 0; c < covariates; c++) {
            double[] values = one.covariates()[c];
            int last = Math.min(values.length, origin + horizon) - 1;
            row.add(values[t]);
            row.add(values[Math.max(0, t - 1)]);
            row.add(values[Math.min(last, t + 1)]);
            row.add(values[t] * profile);
        }
        if (!treeInputs) {
            return row.stream().mapToDouble(Double::doubleValue).toArray();
        }
        double openMean = windows.mean(origin, widths[widths.length - 1], level);
        for (int width : widths) {
            row.add(windows.mean(origin, width, openMean));
        }
        row.add(windows.deviation(origin, widths[1]));
        if (frequency == Frequency.WEEK) {
            row.addAll(weeklyYearInputs(z, flags, windows, t, origin));
        } else {
            row.add(windows.samePhaseMean(t, origin, phase, SAME_PHASE_SHORT, profile));
            row.add(windows.samePhaseMean(t, origin, phase, yearLag / phase, profile));
            row.add(lastYearKnown ? windows.mean(Math.min(origin, lastYear + phase / 2 + 1), phase, profile)
                    : profile);
        }
        row.add(Math.log(one.scale()));
        for (double[] flag : flags) {
            row.add((double) EventDistances.sinceChange(flag, t, cap));
            row.add((double) EventDistances.untilChange(flag, t, origin + horizon, cap));
        }
        row.addAll(rawCalendar(one.dateAt(t), frequency));
        return row.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * What last year says about a week, for trees (unknown values are missing, which XGBoost routes on its own):
     * the weeks beside the same week last year, because holidays and the pre-Christmas peak move by a weekday each
     * year against a 52-week lag; the week last year whose 0/1 covariates equal this week's within one week of it
     * (last Thanksgiving for Thanksgiving); the same week two years back; the growth of the last quarter over the
     * same quarter a year earlier, and last year's week times that growth. At weekly frequency the daily
     * same-weekday means would only repeat the trailing windows.
     */
    private static List<Double> weeklyYearInputs(double[] z, double[][] flags, HistoryWindows windows, int t,
                                                 int origin) {
        int year = SeriesScaling.yearLag(Frequency.WEEK);
        double lastYear = known(z, t - year, origin);
        double matched = lastYear;
        for (int lag : new int[]{year, year - 1, year + 1}) {
            if (flags.length > 0 && t - lag >= 0 && t - lag < origin && sameFlags(flags, t, t - lag)) {
                matched = z[t - lag];
                break;
            }
        }
        double recentQuarter = windows.mean(origin, QUARTER_WEEKS, Double.NaN);
        double quarterLastYear = origin - year > 0 ? windows.mean(origin - year, QUARTER_WEEKS, Double.NaN)
                : Double.NaN;
        double growth = quarterLastYear > 0 ? recentQuarter / quarterLastYear : Double.NaN;
        return List.of(known(z, t - year + 1, origin), known(z, t - year - 1, origin), matched,
                known(z, t - 2 * year, origin), growth, lastYear * growth);
    }

    /** {@code values[index]} when it lies in the history before {@code origin}, else missing. */
    private static double known(double[] values, int index, int origin) {
        return index >= 0 && index < origin ? values[index] : Double.NaN;
    }

    private static boolean sameFlags(double[][] flags, int t, int other) {
        for (double[] flag : flags) {
            if (flag[t] != flag[other]) {
                return false;
            }
        }
        return true;
    }

    /** Calendar positions as plain numbers, which trees split on directly (paydays, month ends, seasons). */
    private static List<Double> rawCalendar(LocalDate date, Frequency frequency) {
        return switch (frequency) {
            case DAY -> List.of((double) date.getDayOfMonth(),
                    (double) (date.lengthOfMonth() - date.getDayOfMonth()), (double) date.getDayOfYear());
            case WEEK -> List.of((double) date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), (double) date.getDayOfMonth());
            case MONTH -> List.of((double) date.getMonthValue());
        };
    }

    /** A series divided by its level, with its known covariates over history and horizon. */
    record Prepared(TimeSeries history, double scale, double[] scaled, double[][] covariates,
                            double[][] flags, HistoryWindows windows) {

        static Prepared of(TimeSeries history, List<String> names, Map<String, double[]> future, int horizon,
                           Set<String> gates) {
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
            boolean[] open = new boolean[history.length()];
            for (int t = 0; t < open.length; t++) {
                open[t] = !closed(covariates, t, gates, names);
            }
            return new Prepared(history, scale, scaled, covariates, RecentProfiles.flags(covariates),
                    new HistoryWindows(scaled, open));
        }

        int length() {
            return history.length();
        }

        LocalDate dateAt(int t) {
            return history.dateAt(t);
        }

        boolean closed(int t, Set<String> gates, List<String> names) {
            return closed(covariates, t, gates, names);
        }

        private static boolean closed(double[][] covariates, int t, Set<String> gates, List<String> names) {
            for (int c = 0; c < names.size(); c++) {
                if (gates.contains(names.get(c)) && covariates[c][t] == 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
