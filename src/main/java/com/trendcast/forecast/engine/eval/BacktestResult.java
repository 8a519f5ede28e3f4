package com.trendcast.forecast.engine.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Outcome of a rolling-origin backtest: every fold forecast and the accuracy of each model derived from them.
 *
 * @param horizon       forecast horizon of the backtest
 * @param modelNames    models in the order they were given
 * @param forecasts     every (series, fold, model) forecast
 * @param skippedSeries keys of series too short for even one fold
 */
public record BacktestResult(int horizon, List<String> modelNames, List<FoldForecast> forecasts,
                             List<List<String>> skippedSeries) {

    public BacktestResult {
        modelNames = List.copyOf(modelNames);
        forecasts = List.copyOf(forecasts);
        skippedSeries = List.copyOf(skippedSeries);
    }

    /** The fold forecasts of one model. */
    public List<FoldForecast> forecastsOf(String model) {
        requireModel(model);
        return forecasts.stream().filter(forecast -> forecast.model().equals(model)).toList();
    }

    /** Accuracy of every model, in the order the models were given. */
    public List<ModelScore> scores() {
        return modelNames.stream().map(this::score).toList();
    }

    /** Accuracy of one model: pooled, per series and per horizon step. */
    public ModelScore score(String model) {
        Metrics.Accumulator overall = new Metrics.Accumulator();
        Map<List<String>, Metrics.Accumulator> bySeries = new LinkedHashMap<>();
        List<Metrics.Accumulator> byStep = new ArrayList<>();
        for (int step = 0; step < horizon; step++) {
            byStep.add(new Metrics.Accumulator());
        }
        for (FoldForecast forecast : forecastsOf(model)) {
            Metrics.Accumulator series = bySeries.computeIfAbsent(forecast.seriesKey(),
                    key -> new Metrics.Accumulator());
            for (int step = 0; step < forecast.horizon(); step++) {
                double actual = forecast.actualAt(step);
                double point = forecast.forecastAt(step);
                overall.add(actual, point, forecast.maseScale());
                series.add(actual, point, forecast.maseScale());
                byStep.get(step).add(actual, point, forecast.maseScale());
            }
        }
        Map<List<String>, AccuracyMetrics> seriesMetrics = new LinkedHashMap<>();
        bySeries.forEach((key, accumulator) -> seriesMetrics.put(key, accumulator.result()));
        return new ModelScore(model, overall.result(), seriesMetrics,
                byStep.stream().map(Metrics.Accumulator::result).toList());
    }

    /** Errors {@code forecast - actual} per horizon step: row {@code h} holds every fold's step-{@code h} error. */
    public double[][] residualsByStep(String model) {
        List<FoldForecast> ofModel = forecastsOf(model);
        double[][] residuals = new double[horizon][ofModel.size()];
        for (int i = 0; i < ofModel.size(); i++) {
            for (int step = 0; step < horizon; step++) {
                residuals[step][i] = ofModel.get(i).error(step);
            }
        }
        return residuals;
    }

    private void requireModel(String model) {
        if (!modelNames.contains(model)) {
            throw new NoSuchElementException("No model " + model + " in this backtest; models: " + modelNames);
        }
    }
}
