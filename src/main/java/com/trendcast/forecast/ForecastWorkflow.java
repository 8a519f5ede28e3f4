package com.trendcast.forecast;

import com.trendcast.forecast.engine.Forecast;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.eval.AccuracyMetrics;
import com.trendcast.forecast.engine.eval.BacktestResult;
import com.trendcast.forecast.engine.eval.ConformalIntervals;
import com.trendcast.forecast.engine.eval.FoldForecast;
import com.trendcast.forecast.engine.eval.Metric;
import com.trendcast.forecast.engine.eval.Metrics;
import com.trendcast.forecast.engine.eval.ModelScore;
import com.trendcast.forecast.engine.global.GlobalBacktest;
import com.trendcast.forecast.engine.global.GlobalForecastModel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The one path from a {@link Panel} to forecasts and accuracy figures, shared by the command line, services and
 * the UI. Every forecast passes the retail rules: no negative values, and zero (with a zero-width interval)
 * wherever an open indicator says the store is closed; backtests score forecasts after the same rules.
 * <p>
 * {@code auto} backtests the candidates, adds ensembles of the best ones (the equal-weight mean of the two best,
 * their mean weighted by inverse backtest WAPE, and the equal-weight mean of the three best; their fold forecasts
 * are averages of the members', so they cost nothing extra) and takes whichever scores the lowest WAPE, so on
 * the backtest it is never worse than its best member. Which weighting wins is thus measured per panel rather
 * than fixed: equal weights are robust when members are close, inverse-error weights when one is clearly
 * better. Prediction intervals are split-conformal from the chosen
 * model's backtest residuals per horizon step, scaled by each series' level.
 */
public final class ForecastWorkflow {

    private static final Metric SELECTION_METRIC = Metric.WAPE;
    private static final int ENSEMBLE_SIZE = 2;
    private static final int LARGER_ENSEMBLE_SIZE = 3;

    private ForecastWorkflow() {
    }

    /**
     * Forecasts of one run and how the model was chosen.
     *
     * @param forecasts one per series, in panel order
     * @param model     the model that produced them
     * @param backtest  the backtest behind the choice and the intervals
     */
    public record Outcome(List<Forecast> forecasts, String model, BacktestResult backtest) {
    }

    /**
     * Forecasts with the named model, or for {@code auto} the best of {@code backtested}, after backtesting every
     * model in {@code backtested} (so a named model is scored next to the others, e.g. the baselines, and a
     * caller can narrow what {@code auto} chooses from).
     *
     * @param backtested names from {@link ModelCatalog#names()} other than {@code auto}; must include
     *                   {@code modelName} unless that is {@code auto}
     */
    public static Outcome forecast(Panel panel, ForecastRequest request, String modelName, List<String> backtested) {
        if (!modelName.equals(ModelCatalog.AUTO) && !backtested.contains(modelName)) {
            throw new IllegalArgumentException(modelName + " is not among the backtested models " + backtested);
        }
        List<GlobalForecastModel> candidates = backtested.stream()
                .map(name -> ModelCatalog.model(name, request.seed())).toList();
        BacktestResult backtest = runBacktest(panel, request, candidates);
        String chosen = modelName.equals(ModelCatalog.AUTO) ? best(backtest) : modelName;
        GlobalForecastModel model = byName(candidates, chosen);
        List<double[]> points = model.forecast(panel.series(), request.horizon(), panel.future());
        List<Forecast> forecasts = withIntervals(panel, points, backtest.forecastsOf(chosen), request.intervalLevel());
        return new Outcome(forecasts, chosen, backtest);
    }

    /**
     * Turns a model's point forecasts into what users get: the retail rules, and split-conformal intervals
     * calibrated on that model's backtest fold forecasts (zero width when none is usable).
     *
     * @param points      per series of the panel (same order), the model's point forecasts
     * @param calibration the same model's fold forecasts from a backtest of this panel
     * @param level       nominal coverage of the intervals, in (0, 1)
     */
    public static List<Forecast> withIntervals(Panel panel, List<double[]> points, List<FoldForecast> calibration,
                                               double level) {
        ConformalIntervals intervals = calibrate(calibration, level);
        List<Forecast> forecasts = new ArrayList<>();
        for (int i = 0; i < panel.series().size(); i++) {
            TimeSeries history = panel.series().get(i);
            double[] point = retailRules(panel, points.get(i), panel.future().get(i));
            Forecast pointOnly = Forecast.pointOnly(history, point);
            Forecast withInterval = intervals == null
                    ? new Forecast(history.key(), pointOnly.dates(), point, point, point, level)
                    : intervals.apply(pointOnly, history);
            forecasts.add(closedAndClipped(panel, withInterval, panel.future().get(i)));
        }
        return forecasts;
    }

    /**
     * Backtests exactly the given model instances on the same rolling-origin folds, scoring forecasts after the
     * retail rules; unlike {@link #backtest(Panel, ForecastRequest, List)} it adds no ensemble. For callers that
     * configure a model themselves (e.g. a training run's LSTM settings) and compare it with the baselines.
     */
    public static BacktestResult backtestModels(Panel panel, int horizon, int folds, List<GlobalForecastModel> models) {
        GlobalBacktest backtest = new GlobalBacktest(folds, horizon, (point, future) -> retailRules(panel, point, future));
        return backtest.run(panel.series(), models);
    }

    /**
     * Accuracy of every model of a backtest, in the backtest's order, including interval coverage and width.
     * Intervals are cross-conformal: each fold's intervals are calibrated on the other folds' residuals (on the
     * fold itself when there is only one), so coverage is measured out of sample.
     */
    public static Map<String, AccuracyMetrics> accuracy(Panel panel, BacktestResult backtest, double level) {
        Map<String, AccuracyMetrics> accuracy = new LinkedHashMap<>();
        for (String model : backtest.modelNames()) {
            accuracy.put(model, intervalAccuracy(panel, backtest.forecastsOf(model), level));
        }
        return accuracy;
    }

    /** One model's accuracy from its fold forecasts, with cross-conformal interval coverage as in {@link #accuracy}. */
    public static AccuracyMetrics intervalAccuracy(Panel panel, List<FoldForecast> forecasts, double level) {
        Map<List<String>, TimeSeries> seriesByKey = new HashMap<>();
        panel.series().forEach(one -> seriesByKey.put(one.key(), one));
        return intervalAccuracy(forecasts, forecast -> true, forecast -> {
            Map<String, double[]> future = seriesByKey.get(forecast.seriesKey())
                    .knownCovariateValues(forecast.fold().origin(), forecast.fold().testEnd());
            return step -> closed(panel, future, step);
        }, level);
    }

    /**
     * One model's accuracy over some of the series of its backtest, e.g. those of one manager's categories, for a
     * panel without open indicators (a training run's): the intervals are calibrated on the other folds of
     * <em>every</em> series, as the intervals the model's forecasts carry were, and only the chosen series are
     * scored. With every series chosen this is {@link #intervalAccuracy(Panel, List, double)}.
     */
    public static AccuracyMetrics intervalAccuracy(List<FoldForecast> forecasts, Predicate<List<String>> scoredSeries,
                                                   double level) {
        return intervalAccuracy(forecasts, forecast -> scoredSeries.test(forecast.seriesKey()),
                forecast -> step -> false, level);
    }

    private static AccuracyMetrics intervalAccuracy(List<FoldForecast> forecasts, Predicate<FoldForecast> scored,
                                                    Function<FoldForecast, IntPredicate> closedSteps, double level) {
        Map<Integer, List<FoldForecast>> byFold = new TreeMap<>();
        forecasts.forEach(forecast -> byFold.computeIfAbsent(forecast.fold().index(), i -> new ArrayList<>())
                .add(forecast));
        Metrics.Accumulator accumulator = new Metrics.Accumulator();
        for (Map.Entry<Integer, List<FoldForecast>> fold : byFold.entrySet()) {
            List<FoldForecast> calibrationSet = forecasts.stream()
                    .filter(forecast -> forecast.fold().index() != fold.getKey()).toList();
            ConformalIntervals intervals = calibrate(calibrationSet.isEmpty() ? fold.getValue() : calibrationSet,
                    level);
            double[] halfWidths = intervals == null ? new double[]{0} : intervals.halfWidths();
            for (FoldForecast forecast : fold.getValue()) {
                if (!scored.test(forecast)) {
                    continue;
                }
                IntPredicate closedAt = closedSteps.apply(forecast);
                double scale = forecast.level() > 0 ? forecast.level() : 0;
                for (int step = 0; step < forecast.horizon(); step++) {
                    double point = forecast.forecastAt(step);
                    double halfWidth = halfWidths[Math.min(step, halfWidths.length - 1)] * scale;
                    boolean closed = closedAt.test(step);
                    double lower = closed ? 0 : Math.max(0, point - halfWidth);
                    double upper = closed ? 0 : point + halfWidth;
                    accumulator.add(forecast.actualAt(step), point, forecast.maseScale());
                    accumulator.addInterval(forecast.actualAt(step), lower, upper);
                }
            }
        }
        return accumulator.result();
    }

    /**
     * Backtests the named models ({@code auto} names no model of its own) and, when there are two or more, the
     * ensemble of the best two that {@code auto} may choose.
     *
     * @return the backtest, the ensemble's fold forecasts included
     */
    public static BacktestResult backtest(Panel panel, ForecastRequest request, List<String> modelNames) {
        List<GlobalForecastModel> models = new ArrayList<>();
        for (String name : modelNames) {
            if (!name.equals(ModelCatalog.AUTO)) {
                models.add(ModelCatalog.model(name, request.seed()));
            }
        }
        return runBacktest(panel, request, models);
    }

    /** The model {@code auto} takes from a backtest that holds its candidates: the lowest WAPE. */
    public static String best(BacktestResult backtest) {
        return backtest.scores().stream()
                .min(Comparator.comparingDouble(score -> loss(score)))
                .map(ModelScore::model).orElseThrow();
    }

    /** Point forecast after the retail rules: at least zero, and zero where an open indicator is zero. */
    static double[] retailRules(Panel panel, double[] point, Map<String, double[]> future) {
        double[] adjusted = new double[point.length];
        for (int step = 0; step < point.length; step++) {
            adjusted[step] = closed(panel, future, step) ? 0 : Math.max(0, point[step]);
        }
        return adjusted;
    }

    /** Whether an open indicator among the future covariates is zero at {@code step}. */
    static boolean closed(Panel panel, Map<String, double[]> future, int step) {
        for (String indicator : panel.openIndicators()) {
            double[] values = future.get(indicator);
            if (values != null && step < values.length && values[step] == 0) {
                return true;
            }
        }
        return false;
    }

    private static Forecast closedAndClipped(Panel panel, Forecast forecast, Map<String, double[]> future) {
        double[] point = forecast.point();
        double[] lower = forecast.lower();
        double[] upper = forecast.upper();
        for (int step = 0; step < point.length; step++) {
            boolean closed = closed(panel, future, step);
            point[step] = closed ? 0 : Math.max(0, point[step]);
            lower[step] = closed ? 0 : Math.max(0, Math.min(lower[step], point[step]));
            upper[step] = closed ? 0 : Math.max(upper[step], point[step]);
        }
        return new Forecast(forecast.key(), forecast.dates(), point, lower, upper, forecast.intervalLevel());
    }

    /**
     * Conformal intervals from fold forecasts, or {@code null} when none of them has a usable residual (e.g. a
     * panel of all-zero series).
     */
    static ConformalIntervals calibrate(List<FoldForecast> forecasts, double level) {
        try {
            return ConformalIntervals.calibrate(forecasts, level, ConformalIntervals.Scaling.SERIES_LEVEL);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Backtests {@code models} and adds the ensembles {@code auto} may choose when there are two or more. */
    static BacktestResult runBacktest(Panel panel, ForecastRequest request,
                                       List<GlobalForecastModel> models) {
        BacktestResult result = backtestModels(panel, request.horizon(), request.folds(), models);
        if (models.size() < ENSEMBLE_SIZE) {
            return result;
        }
        List<ModelScore> ranked = result.scores().stream()
                .sorted(Comparator.comparingDouble(ForecastWorkflow::loss)).toList();
        List<ModelScore> top = ranked.subList(0, ENSEMBLE_SIZE);
        List<String> topNames = top.stream().map(ModelScore::model).toList();
        BacktestResult withEnsembles = withEnsemble(result, topNames, equalWeights(ENSEMBLE_SIZE));
        withEnsembles = withEnsemble(withEnsembles, topNames, inverseLossWeights(top));
        if (ranked.size() >= LARGER_ENSEMBLE_SIZE) {
            withEnsembles = withEnsemble(withEnsembles, ranked.subList(0, LARGER_ENSEMBLE_SIZE).stream()
                    .map(ModelScore::model).toList(), equalWeights(LARGER_ENSEMBLE_SIZE));
        }
        return withEnsembles;
    }

    private static List<Double> equalWeights(int count) {
        return Collections.nCopies(count, 1.0 / count);
    }

    /**
     * Weights proportional to 1 / WAPE, summing to 1; all weight on the first member when its backtest was
     * perfect, and equal weights when no score is usable.
     */
    static List<Double> inverseLossWeights(List<ModelScore> members) {
        double[] losses = members.stream().mapToDouble(ForecastWorkflow::loss).toArray();
        if (losses[0] == 0) {
            List<Double> weights = new ArrayList<>(Collections.nCopies(losses.length, 0.0));
            weights.set(0, 1.0);
            return weights;
        }
        double total = 0;
        for (double loss : losses) {
            total += 1 / loss;
        }
        if (!(total > 0) || !Double.isFinite(total)) {
            return equalWeights(losses.length);
        }
        List<Double> weights = new ArrayList<>();
        for (double loss : losses) {
            weights.add(1 / loss / total);
        }
        return weights;
    }

    private static double loss(ModelScore score) {
        double value = SELECTION_METRIC.valueOf(score.overall());
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
    }

    /** Adds the ensemble of {@code members}, whose fold forecasts are the members' weighted average. */
    private static BacktestResult withEnsemble(BacktestResult result, List<String> members,
                                               List<Double> proposedWeights) {
        String name = EnsembleOfModels.nameOf(members, proposedWeights);
        List<Double> weights = EnsembleOfModels.weightsOf(name);
        if (result.modelNames().contains(name)) {
            return result;
        }
        Map<String, List<FoldForecast>> byFold = new LinkedHashMap<>();
        for (String member : members) {
            for (FoldForecast forecast : result.forecastsOf(member)) {
                byFold.computeIfAbsent(forecast.seriesKey() + "#" + forecast.fold().index(), key -> new ArrayList<>())
                        .add(forecast);
            }
        }
        List<FoldForecast> all = new ArrayList<>(result.forecasts());
        for (List<FoldForecast> group : byFold.values()) {
            FoldForecast first = group.get(0);
            double[] average = new double[first.horizon()];
            for (int m = 0; m < group.size(); m++) {
                for (int step = 0; step < average.length; step++) {
                    average[step] += weights.get(m) * group.get(m).forecastAt(step);
                }
            }
            all.add(new FoldForecast(first.seriesKey(), name, first.fold(), first.originDate(), first.actual(),
                    average, first.maseScale(), first.level()));
        }
        List<String> names = new ArrayList<>(result.modelNames());
        names.add(name);
        return new BacktestResult(result.horizon(), names, all, result.skippedSeries());
    }

    private static GlobalForecastModel byName(List<GlobalForecastModel> candidates, String name) {
        return candidates.stream().filter(model -> model.name().equals(name)).findFirst()
                .orElseGet(() -> new EnsembleOfModels(EnsembleOfModels.memberNames(name).stream()
                        .map(member -> byName(candidates, member)).toList(), EnsembleOfModels.weightsOf(name)));
    }

    /**
     * Weighted average of global models' point forecasts. Its name lists the members, each with its weight
     * after a {@code *} unless all weights are equal: {@code ensemble(a+b)}, {@code ensemble(a*0.6+b*0.4)}.
     */
    record EnsembleOfModels(List<GlobalForecastModel> members, List<Double> weights) implements GlobalForecastModel {

        private static final String PREFIX = "ensemble(";
        private static final String WEIGHT = "*";

        static String nameOf(List<String> members, List<Double> weights) {
            boolean equal = weights.stream().allMatch(weight -> Math.abs(weight - 1.0 / weights.size()) < 1e-9);
            List<String> parts = new ArrayList<>();
            for (int m = 0; m < members.size(); m++) {
                parts.add(equal ? members.get(m)
                        : members.get(m) + WEIGHT + String.format(Locale.ROOT, "%.3f", weights.get(m)));
            }
            return parts.stream().collect(Collectors.joining("+", PREFIX, ")"));
        }

        static List<String> memberNames(String name) {
            return parts(name).stream().map(part -> part.split("\\" + WEIGHT)[0]).toList();
        }

        /** The weights as written in the name (three decimals), equal when it gives none. */
        static List<Double> weightsOf(String name) {
            List<String> parts = parts(name);
            if (parts.stream().noneMatch(part -> part.contains(WEIGHT))) {
                return equalWeights(parts.size());
            }
            return parts.stream().map(part -> Double.parseDouble(part.split("\\" + WEIGHT)[1])).toList();
        }

        private static List<String> parts(String name) {
            if (!name.startsWith(PREFIX)) {
                throw new IllegalArgumentException("Not an ensemble: " + name);
            }
            return List.of(name.substring(PREFIX.length(), name.length() - 1).split("\\+"));
        }

        @Override
        public String name() {
            return nameOf(members.stream().map(GlobalForecastModel::name).toList(), weights);
        }

        @Override
        public List<double[]> forecast(List<TimeSeries> histories, int horizon,
                                       List<Map<String, double[]>> futureCovariates) {
            List<double[]> average = new ArrayList<>();
            for (int i = 0; i < histories.size(); i++) {
                average.add(new double[horizon]);
            }
            for (int m = 0; m < members.size(); m++) {
                List<double[]> forecasts = members.get(m).forecast(histories, horizon, futureCovariates);
                for (int i = 0; i < histories.size(); i++) {
                    for (int step = 0; step < horizon; step++) {
                        average.get(i)[step] += weights.get(m) * forecasts.get(i)[step];
                    }
                }
            }
            return average;
        }
    }
}
