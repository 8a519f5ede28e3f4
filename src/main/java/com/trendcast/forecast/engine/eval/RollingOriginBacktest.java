package com.trendcast.forecast.engine.eval;

import com.trendcast.forecast.engine.FittedModel;
import com.trendcast.forecast.engine.ForecastModel;
import com.trendcast.forecast.engine.TimeSeries;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Rolling-origin evaluation: for each of {@code folds} origins, every model is fitted on the history before the
 * origin and forecasts the next {@code horizon} periods. The last fold ends with the series; earlier origins lie
 * {@code step} periods apart. Folds whose training part would be shorter than {@code minTrainLength} are
 * dropped for that series.
 */
public final class RollingOriginBacktest {

    private final int folds;
    private final int horizon;
    private final int step;
    private final int minTrainLength;
    private final boolean parallel;

    /**
     * @param folds          number of origins, at least 1
     * @param horizon        periods forecast from each origin, at least 1
     * @param step           periods between consecutive origins, at least 1
     * @param minTrainLength shortest training history to evaluate, at least 1
     * @param parallel       evaluate series concurrently on the common fork-join pool
     */
    public RollingOriginBacktest(int folds, int horizon, int step, int minTrainLength, boolean parallel) {
        if (folds < 1 || horizon < 1 || step < 1 || minTrainLength < 1) {
            throw new IllegalArgumentException("folds, horizon, step and minTrainLength must be positive");
        }
        this.folds = folds;
        this.horizon = horizon;
        this.step = step;
        this.minTrainLength = minTrainLength;
        this.parallel = parallel;
    }

    /** Non-overlapping test windows ({@code step = horizon}), at least two periods of training, in parallel. */
    public static RollingOriginBacktest of(int folds, int horizon) {
        return new RollingOriginBacktest(folds, horizon, horizon, 2, true);
    }

    public int horizon() {
        return horizon;
    }

    /** The splits of a series of {@code length} periods, earliest first. */
    public List<Fold> folds(int length) {
        List<Fold> splits = new ArrayList<>(folds);
        for (int index = 0; index < folds; index++) {
            int origin = length - horizon - (folds - 1 - index) * step;
            if (origin >= minTrainLength) {
                splits.add(new Fold(index, origin, horizon));
            }
        }
        return splits;
    }

    /**
     * Backtests every model on every series. Known-in-advance covariates of each series are passed to the
     * models as future values over each test window.
     *
     * @throws IllegalArgumentException if two models share a name
     */
    public BacktestResult run(List<TimeSeries> series, List<ForecastModel> models) {
        Set<String> names = new HashSet<>();
        for (ForecastModel model : models) {
            if (!names.add(model.name())) {
                throw new IllegalArgumentException("Duplicate model name " + model.name());
            }
        }
        Stream<TimeSeries> stream = parallel ? series.parallelStream() : series.stream();
        List<List<FoldForecast>> perSeries = stream.map(one -> evaluate(one, models)).toList();
        List<FoldForecast> forecasts = new ArrayList<>();
        List<List<String>> skipped = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            if (perSeries.get(i).isEmpty()) {
                skipped.add(series.get(i).key());
            }
            forecasts.addAll(perSeries.get(i));
        }
        return new BacktestResult(horizon, models.stream().map(ForecastModel::name).toList(), forecasts, skipped);
    }

    private List<FoldForecast> evaluate(TimeSeries series, List<ForecastModel> models) {
        List<FoldForecast> forecasts = new ArrayList<>();
        int period = series.frequency().seasonalPeriod();
        for (Fold fold : folds(series.length())) {
            TimeSeries history = series.head(fold.origin());
            double[] training = history.values();
            double[] actual = series.slice(fold.origin(), fold.testEnd()).values();
            Map<String, double[]> futureCovariates = series.knownCovariateValues(fold.origin(), fold.testEnd());
            double maseScale = Metrics.maseScale(training, period);
            double level = ConformalIntervals.seriesLevel(training, period);
            for (ForecastModel model : models) {
                FittedModel fitted = model.fit(history);
                double[] point = fitted.predict(horizon, futureCovariates);
                forecasts.add(new FoldForecast(series.key(), model.name(), fold, series.dateAt(fold.origin()),
                        actual, point, maseScale, level));
            }
        }
        return forecasts;
    }
}
