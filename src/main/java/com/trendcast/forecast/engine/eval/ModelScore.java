package com.trendcast.forecast.engine.eval;

import java.util.List;
import java.util.Map;

/**
 * Backtest accuracy of one model.
 *
 * @param model    model name
 * @param overall  pooled over all series, folds and steps
 * @param bySeries per series key, pooled over folds and steps
 * @param byStep   per horizon step (index 0 is one period ahead), pooled over series and folds
 */
public record ModelScore(String model, AccuracyMetrics overall, Map<List<String>, AccuracyMetrics> bySeries,
                         List<AccuracyMetrics> byStep) {

    public ModelScore {
        bySeries = Map.copyOf(bySeries);
        byStep = List.copyOf(byStep);
    }
}
