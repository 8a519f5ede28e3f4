package com.trendcast.training;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The backtest metrics of a pipeline's production run as one caller may see them: a run over categories outside
 * the caller's must not show them figures measured on those categories.
 *
 * @param byModel   metrics by model name, as {@link com.trendcast.forecast.ForecastOutput#metrics} writes them, in the
 *                  run's stored order, so the explorer and the run page list the models alike
 * @param allSeries true when they are the run's stored metrics (the trained model and every baseline) over every
 *                  series it forecast, all of which the caller sees; false when they cover only the caller's
 *                  series: the trained model's, recomputed from the fold forecasts the run kept, and no baselines,
 *                  whose fold forecasts runs do not keep. Empty then when the run kept none for those series
 * @param series    how many series the metrics are about (the caller's)
 */
public record ProductionMetrics(Map<String, Map<String, Object>> byModel, boolean allSeries, int series) {

    public ProductionMetrics {
        byModel = Collections.unmodifiableMap(new LinkedHashMap<>(byModel));
    }

    /** Whether metrics over other categories were held back and nothing could be recomputed in their place. */
    public boolean withheld() {
        return !allSeries && byModel.isEmpty();
    }
}
