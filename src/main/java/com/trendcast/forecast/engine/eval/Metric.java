package com.trendcast.forecast.engine.eval;

import java.util.function.ToDoubleFunction;

/** A metric to rank models by. */
public enum Metric {
    MSE(AccuracyMetrics::mse, false),
    RMSE(AccuracyMetrics::rmse, false),
    MAE(AccuracyMetrics::mae, false),
    MAPE(AccuracyMetrics::mape, false),
    SMAPE(AccuracyMetrics::smape, false),
    WAPE(AccuracyMetrics::wape, false),
    MASE(AccuracyMetrics::mase, false),
    ABSOLUTE_BIAS(metrics -> Math.abs(metrics.bias()), false),
    R2(AccuracyMetrics::r2, true);

    private final ToDoubleFunction<AccuracyMetrics> extractor;
    private final boolean higherIsBetter;

    Metric(ToDoubleFunction<AccuracyMetrics> extractor, boolean higherIsBetter) {
        this.extractor = extractor;
        this.higherIsBetter = higherIsBetter;
    }

    public double valueOf(AccuracyMetrics metrics) {
        return extractor.applyAsDouble(metrics);
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** A comparable score where lower is always better; undefined values rank last. */
    double loss(AccuracyMetrics metrics) {
        double value = valueOf(metrics);
        if (Double.isNaN(value)) {
            return Double.POSITIVE_INFINITY;
        }
        return higherIsBetter ? -value : value;
    }
}
