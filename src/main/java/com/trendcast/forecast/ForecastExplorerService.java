package com.trendcast.forecast;

import com.trendcast.common.UserFacingException;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.global.GlobalForecastModel;
import com.trendcast.pipeline.PipelineService;
import com.trendcast.pipeline.PipelineSummary;
import com.trendcast.pipeline.spec.Level;
import com.trendcast.pipeline.spec.PipelineSpec;
import com.trendcast.security.AccessScope;
import com.trendcast.training.ForecastRow;
import com.trendcast.training.ProductionForecast;
import com.trendcast.training.TrainingService;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The forecast explorer: a pipeline's production forecast browsed along the same drill-down as sales (total,
 * category 1, 2, 3, product, as deep as the pipeline's level goes), with the history, the interval and baseline
 * lines of the chosen node.
 * <p>
 * <b>Coherence.</b> Nodes above the pipeline's level show bottom-up sums of the stored forecasts of the series
 * under them, so children always add up to their parent exactly.
 * <p>
 * <b>Intervals at aggregate nodes.</b> The band of an aggregate is the sum of its series' lower bounds to the sum
 * of their upper bounds. That is the exact interval when the series' errors move together, and for symmetric,
 * bell-shaped errors it never covers less than the nominal level, whatever their correlation. The alternative, the
 * root of the summed squared half-widths, assumes independent errors, which retail series sharing seasons,
 * holidays and promotions do not have, and the run did not measure the cross-series correlation that would justify
 * anything narrower. The band is therefore conservative (wide) at aggregates, and the explorer says so.
 * <p>
 * Everything is scoped: the pipeline must be visible to the caller, and both the stored forecasts and the history
 * hold only the caller's categories, so a path into another category (a crafted link) resolves to the nearest node
 * the caller can see.
 */
@Service
public class ForecastExplorerService {

    /** The baselines drawn as optional lines, by their names in {@link ModelCatalog} and in the run's metrics. */
    public static final List<String> BASELINE_LINES = List.of("seasonal-naive", "ets", "moving-average");

    private final PipelineService pipelines;
    private final TrainingService training;

    ForecastExplorerService(PipelineService pipelines, TrainingService training) {
        this.pipelines = pipelines;
        this.training = training;
    }

    /**
     * The pipelines whose production forecast has series the caller can see, by name: for a manager also those over
     * every category, shown as the part inside theirs.
     */
    public List<PipelineSummary> pipelines(AccessScope scope) {
        return pipelines.listReadable(scope).stream()
                .filter(pipeline -> training.hasProductionForecast(scope, pipeline.id()))
                .toList();
    }

    /**
     * One node of a pipeline's series tree. Path segments that match no visible series are dropped from the first
     * mismatch on, and a level whose only category is missing (an empty segment) is stepped through.
     *
     * @throws UserFacingException when the pipeline is not readable or has no production forecast
     */
    public ExplorerNode node(AccessScope scope, long pipelineId, List<String> requestedPath) {
        ProductionForecast production = training.productionForecast(scope, pipelineId);
        PipelineSummary pipeline = pipelines.readable(scope, pipelineId);
        PipelineSpec spec = pipelines.readableSpec(scope, pipelineId, production.pipelineVersion());

        Set<List<String>> keys = new LinkedHashSet<>();
        production.rows().forEach(row -> keys.add(row.seriesKey()));
        List<String> path = resolve(keys, requestedPath == null ? List.of() : requestedPath);

        Map<LocalDate, double[]> forecastByDate = new TreeMap<>();
        Map<String, Double> childTotals = new LinkedHashMap<>();
        Set<List<String>> seriesUnder = new LinkedHashSet<>();
        for (ForecastRow row : production.rows()) {
            if (!startsWith(row.seriesKey(), path)) {
                continue;
            }
            seriesUnder.add(row.seriesKey());
            double[] sums = forecastByDate.computeIfAbsent(row.date(), date -> new double[3]);
            sums[0] += row.forecast();
            sums[1] += row.lower();
            sums[2] += row.upper();
            if (row.seriesKey().size() > path.size()) {
                childTotals.merge(row.seriesKey().get(path.size()), row.forecast(), Double::sum);
            }
        }
        List<ExplorerNode.ForecastPoint> forecast = new ArrayList<>();
        forecastByDate.forEach((date, sums) -> forecast.add(new ExplorerNode.ForecastPoint(date, sums[0], sums[1],
                sums[2])));
        List<ExplorerNode.Child> children = new ArrayList<>();
        childTotals.forEach((segment, total) -> {
            List<String> childPath = new ArrayList<>(path);
            childPath.add(segment);
            children.add(new ExplorerNode.Child(throughMissingLevels(keys, childPath), segment, total));
        });

        List<ExplorerNode.Point> history = history(scope, spec, path);
        int depth = keys.stream().mapToInt(List::size).max().orElse(0);
        ExplorerNode.PipelineInfo info = new ExplorerNode.PipelineInfo(pipeline.id(), pipeline.name(), spec.target(),
                spec.level(), spec.frequency(), spec.horizon(), depth, production.runId(), production.model(),
                production.promotedAt(), production.promotedBy(), production.intervalLevel());
        Map<String, String> productNames = spec.level() == Level.PRODUCT
                ? shownProductNames(pipelines.productNames(scope, spec.datasetId()), path, children, depth)
                : Map.of();
        return new ExplorerNode(info, path, seriesUnder.size() > 1, children, history, forecast,
                baselines(spec, history, forecast), production.metrics(), productNames);
    }

    /** The descriptions of the products on the node's path and among its children. */
    private static Map<String, String> shownProductNames(Map<String, String> names, List<String> path,
                                                         List<ExplorerNode.Child> children, int depth) {
        Map<String, String> shown = new LinkedHashMap<>();
        List<String> skus = new ArrayList<>();
        if (path.size() == depth) {
            skus.add(path.get(depth - 1));
        }
        children.stream().filter(child -> child.path().size() == depth)
                .forEach(child -> skus.add(child.path().get(depth - 1)));
        skus.stream().filter(names::containsKey).forEach(sku -> shown.put(sku, names.get(sku)));
        return shown;
    }

    /** The node's actuals: the pipeline's series under the path, summed per period. */
    private List<ExplorerNode.Point> history(AccessScope scope, PipelineSpec spec, List<String> path) {
        Map<LocalDate, Double> sums = new TreeMap<>();
        for (TimeSeries series : pipelines.loadSeries(scope, spec)) {
            if (startsWith(series.key(), path)) {
                for (int i = 0; i < series.length(); i++) {
                    sums.merge(series.dateAt(i), series.valueAt(i), Double::sum);
                }
            }
        }
        List<ExplorerNode.Point> history = new ArrayList<>();
        sums.forEach((date, value) -> history.add(new ExplorerNode.Point(date, value)));
        return history;
    }

    /**
     * Each baseline fitted to the node's own history before the first forecast period, over the pipeline's history
     * window as the run used it, and forecast over the same periods.
     */
    private static Map<String, List<ExplorerNode.Point>> baselines(PipelineSpec spec, List<ExplorerNode.Point> history,
                                                                   List<ExplorerNode.ForecastPoint> forecast) {
        Map<String, List<ExplorerNode.Point>> lines = new LinkedHashMap<>();
        if (forecast.isEmpty()) {
            return lines;
        }
        LocalDate firstForecast = forecast.get(0).date();
        double[] before = history.stream().filter(point -> point.date().isBefore(firstForecast))
                .mapToDouble(ExplorerNode.Point::value).toArray();
        if (before.length == 0) {
            return lines;
        }
        double[] window = before.length > spec.historyWindow()
                ? Arrays.copyOfRange(before, before.length - spec.historyWindow(), before.length) : before;
        LocalDate start = spec.frequency().plus(firstForecast, -window.length);
        TimeSeries fitted = new TimeSeries(List.of(), start, spec.frequency(), window);
        int horizon = forecast.size();
        for (String name : BASELINE_LINES) {
            GlobalForecastModel model = ModelCatalog.model(name, 0);
            double[] values = model.forecast(List.of(fitted), horizon, List.of(Map.of())).get(0);
            List<ExplorerNode.Point> line = new ArrayList<>(horizon);
            for (int step = 0; step < horizon; step++) {
                line.add(new ExplorerNode.Point(fitted.dateAt(window.length + step), values[step]));
            }
            lines.put(name, line);
        }
        return lines;
    }

    /** The longest prefix of {@code requested} that leads to visible series, stepped through missing levels. */
    static List<String> resolve(Set<List<String>> keys, List<String> requested) {
        List<String> path = new ArrayList<>();
        for (String segment : requested) {
            List<String> candidate = new ArrayList<>(path);
            candidate.add(segment == null ? "" : segment);
            if (keys.stream().noneMatch(key -> startsWith(key, candidate))) {
                break;
            }
            path = candidate;
        }
        return throughMissingLevels(keys, path);
    }

    /** Extends the path while the only next segment under it is a missing category (an empty segment). */
    private static List<String> throughMissingLevels(Set<List<String>> keys, List<String> path) {
        List<String> extended = new ArrayList<>(path);
        while (true) {
            Set<String> next = new LinkedHashSet<>();
            for (List<String> key : keys) {
                if (key.size() > extended.size() && startsWith(key, extended)) {
                    next.add(key.get(extended.size()));
                }
            }
            if (!next.equals(Set.of(""))) {
                return List.copyOf(extended);
            }
            extended.add("");
        }
    }

    private static boolean startsWith(List<String> key, List<String> path) {
        return key.size() >= path.size() && key.subList(0, path.size()).equals(path);
    }

}
