package com.trendcast.forecast;

import com.trendcast.pipeline.spec.Level;
import com.trendcast.pipeline.spec.Target;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.training.ProductionMetrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One node of a pipeline's series tree in the forecast explorer: its history, its production forecast with the
 * prediction interval, baseline forecasts made for it on the fly, its children, and the production run's stored
 * backtest metrics.
 *
 * @param pipeline  the pipeline and its production run
 * @param path      the node: a prefix of the pipeline's series keys (category 1, 2, 3, then SKU); empty for the
 *                  total. Empty segments stand for a missing category level
 * @param aggregate whether the node sums several of the pipeline's series (its interval is then the sum of their
 *                  bounds, see {@link ForecastExplorerService})
 * @param children  the nodes one level down, empty at the pipeline's level
 * @param history   the node's actual values per period, oldest first
 * @param forecast  the production forecast per period: the stored one at the pipeline's level, the sum of the
 *                  stored child forecasts above it
 * @param baselines point forecasts of the baseline models by model name (see
 *                  {@link ForecastExplorerService#BASELINE_LINES}), fitted to this node's history before the first
 *                  forecast period
 * @param metrics   the production run's backtest metrics over the caller's series: as the run stored them when
 *                  those are all its series, otherwise recomputed or withheld (see {@link ProductionMetrics})
 * @param productNames descriptions by SKU of the products on the path and among the children, for display next
 *                  to the SKU (the SKU stays the path segment); empty below the product level or without names
 */
public record ExplorerNode(PipelineInfo pipeline, List<String> path, boolean aggregate, List<Child> children,
                           List<Point> history, List<ForecastPoint> forecast, Map<String, List<Point>> baselines,
                           ProductionMetrics metrics, Map<String, String> productNames) {

    /**
     * A pipeline with a production forecast.
     *
     * @param depth         how many path segments the pipeline's series keys have (0 for a total-only pipeline)
     * @param intervalLevel nominal coverage of the stored intervals, e.g. 0.8
     */
    public record PipelineInfo(long id, String name, Target target, Level level, Frequency frequency, int horizon,
                               int depth, long runId, String model, Instant promotedAt, String promotedBy,
                               double intervalLevel) {
    }

    /**
     * A node one level down.
     *
     * @param forecastTotal the child's forecast summed over the horizon, for the breakdown chart
     */
    public record Child(List<String> path, String segment, double forecastTotal) {
    }

    /** A value on a period's first day. */
    public record Point(LocalDate date, double value) {
    }

    /** A forecast period with its interval bounds. */
    public record ForecastPoint(LocalDate date, double forecast, double lower, double upper) {
    }

    /** The last segment of the path, {@code ""} for the total. */
    public String segment() {
        return path.isEmpty() ? "" : path.get(path.size() - 1);
    }
}
