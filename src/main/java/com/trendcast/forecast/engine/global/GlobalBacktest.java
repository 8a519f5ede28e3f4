package com.trendcast.forecast.engine.global;

import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.eval.BacktestResult;
import com.trendcast.forecast.engine.eval.ConformalIntervals;
import com.trendcast.forecast.engine.eval.Fold;
import com.trendcast.forecast.engine.eval.FoldForecast;
import com.trendcast.forecast.engine.eval.Metrics;
import com.trendcast.forecast.engine.eval.RollingOriginBacktest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Rolling-origin evaluation of panel models. Fold {@code k} of every series is defined exactly as by
 * {@link RollingOriginBacktest} (the last fold ends with the series, earlier ones {@code horizon} periods apart);
 * a global model is trained once per fold index on all series cut at their fold origin, which is how it will
 * be used. The result has the same form as the local backtest, so scores, rankings and conformal calibration
 * work unchanged.
 */
public final class GlobalBacktest {

    private static final int MIN_TRAIN_LENGTH = 2;
    private static final Logger log = LoggerFactory.getLogger(GlobalBacktest.class);

    private final int folds;
    private final int horizon;
    private final BiFunction<double[], Map<String, double[]>, double[]> adjustment;

    /**
     * @param folds      number of origins, at least 1
     * @param horizon    periods forecast from each origin, at least 1
     * @param adjustment applied to every point forecast with its future covariates before scoring, so the
     *                   backtest scores what users get (e.g. zero on closed days)
     */
    public GlobalBacktest(int folds, int horizon, BiFunction<double[], Map<String, double[]>, double[]> adjustment) {
        if (folds < 1 || horizon < 1) {
            throw new IllegalArgumentException("folds and horizon must be positive");
        }
        this.folds = folds;
        this.horizon = horizon;
        this.adjustment = adjustment;
    }

    /** The splits of a series of {@code length} periods, earliest first. */
    public List<Fold> folds(int length) {
        return new RollingOriginBacktest(folds, horizon, horizon, MIN_TRAIN_LENGTH, false).folds(length);
    }

    /**
     * Backtests every model on the panel.
     *
     * @throws IllegalArgumentException if two models share a name
     */
    public BacktestResult run(List<TimeSeries> series, List<GlobalForecastModel> models) {
        Set<String> names = new HashSet<>();
        for (GlobalForecastModel model : models) {
            if (!names.add(model.name())) {
                throw new IllegalArgumentException("Duplicate model name " + model.name());
            }
        }
        List<FoldForecast> forecasts = new ArrayList<>();
        for (int foldIndex = 0; foldIndex < folds; foldIndex++) {
            List<TimeSeries> members = new ArrayList<>();
            List<Fold> splits = new ArrayList<>();
            for (TimeSeries one : series) {
                for (Fold fold : folds(one.length())) {
                    if (fold.index() == foldIndex) {
                        members.add(one);
                        splits.add(fold);
                    }
                }
            }
            if (!members.isEmpty()) {
                forecasts.addAll(evaluateFold(members, splits, models));
            }
        }
        List<List<String>> skipped = series.stream().filter(one -> folds(one.length()).isEmpty())
                .map(TimeSeries::key).toList();
        return new BacktestResult(horizon, models.stream().map(GlobalForecastModel::name).toList(), forecasts,
                skipped);
    }

    private List<FoldForecast> evaluateFold(List<TimeSeries> members, List<Fold> splits,
                                            List<GlobalForecastModel> models) {
        List<TimeSeries> histories = new ArrayList<>();
        List<Map<String, double[]>> future = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Fold fold = splits.get(i);
            histories.add(members.get(i).head(fold.origin()));
            future.add(members.get(i).knownCovariateValues(fold.origin(), fold.testEnd()));
        }
        List<FoldForecast> forecasts = new ArrayList<>();
        for (GlobalForecastModel model : models) {
            long started = System.nanoTime();
            List<double[]> points = model.forecast(histories, horizon, future);
            log.info("Backtest fold {}: {} on {} series took {} s", splits.get(0).index(), model.name(),
                    members.size(), String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
            for (int i = 0; i < members.size(); i++) {
                TimeSeries one = members.get(i);
                Fold fold = splits.get(i);
                double[] training = histories.get(i).values();
                int period = one.frequency().seasonalPeriod();
                forecasts.add(new FoldForecast(one.key(), model.name(), fold, one.dateAt(fold.origin()),
                        one.slice(fold.origin(), fold.testEnd()).values(),
                        adjustment.apply(points.get(i), future.get(i)),
                        Metrics.maseScale(training, period), ConformalIntervals.seriesLevel(training, period)));
            }
        }
        return forecasts;
    }
}
