package com.trendcast.forecast.engine.eval;

import com.trendcast.forecast.engine.ForecastModel;
import com.trendcast.forecast.engine.model.EnsembleModel;

import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;

/** Picks models from backtest scores: the best single one, or an ensemble of the best few. */
public final class AutoModel {

    /** WAPE weights errors by volume, which is what a category manager's stock and revenue feel. */
    public static final Metric DEFAULT_METRIC = Metric.WAPE;

    private AutoModel() {
    }

    /** Model scores ordered best first by {@code metric}; models with an undefined value come last. */
    public static List<ModelScore> rank(BacktestResult result, Metric metric) {
        return result.scores().stream()
                .sorted(Comparator.comparingDouble(score -> metric.loss(score.overall())))
                .toList();
    }

    /** Name of the best model by {@code metric}. */
    public static String best(BacktestResult result, Metric metric) {
        return rank(result, metric).stream().findFirst().map(ModelScore::model)
                .orElseThrow(() -> new NoSuchElementException("The backtest has no models"));
    }

    /** The model among {@code candidates} that scored best by {@code metric}. */
    public static ForecastModel bestModel(BacktestResult result, List<ForecastModel> candidates, Metric metric) {
        return byName(candidates, best(result, metric));
    }

    /**
     * An equal-weight ensemble of the {@code k} best-scoring {@code candidates}. Backtest it alongside its
     * members to see whether it beats the best of them.
     */
    public static EnsembleModel topEnsemble(BacktestResult result, List<ForecastModel> candidates, int k,
                                            Metric metric) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive: " + k);
        }
        List<ForecastModel> members = rank(result, metric).stream()
                .limit(k)
                .map(score -> byName(candidates, score.model()))
                .toList();
        return new EnsembleModel(members);
    }

    private static ForecastModel byName(List<ForecastModel> candidates, String name) {
        return candidates.stream().filter(model -> model.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No candidate model named " + name));
    }
}
