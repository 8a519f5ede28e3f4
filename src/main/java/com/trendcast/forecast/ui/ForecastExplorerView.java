package com.trendcast.forecast.ui;

import com.trendcast.common.UserFacingException;
import com.trendcast.common.export.ExportTable;
import com.trendcast.forecast.ExplorerNode;
import com.trendcast.forecast.ForecastExplorerService;
import com.trendcast.pipeline.PipelineSummary;
import com.trendcast.pipeline.spec.Level;
import com.trendcast.pipeline.spec.Target;
import com.trendcast.security.AccessScope;
import com.trendcast.security.CurrentUser;
import com.trendcast.training.ProductionMetrics;
import com.trendcast.ui.Breadcrumb;
import com.trendcast.ui.ChartCards;
import com.trendcast.ui.Formats;
import com.trendcast.ui.ExportLinks;
import com.trendcast.ui.MainLayout;
import com.trendcast.ui.ViewLoader;
import com.trendcast.ui.chart.ApexChart;
import com.trendcast.ui.chart.ChartOptions;
import com.trendcast.ui.chart.DataPoint;
import com.trendcast.ui.chart.RangePoint;
import com.trendcast.ui.chart.Series;
import com.trendcast.ui.chart.ValueFormat;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The forecast explorer: a pipeline's production forecast along the sales drill-down (total, categories,
 * products), with history, forecast, interval band and optional baselines in one zoomable chart, the production
 * run's backtest metrics, the forecast table and its export. The pipeline and the drill path live in the URL query,
 * so a link reproduces the view and the browser's back button goes back up a level. Data loads off the UI thread.
 */
@Route(value = "forecasts", layout = MainLayout.class)
@PageTitle("Forecasts · Trendcast")
@PermitAll
public class ForecastExplorerView extends VerticalLayout implements BeforeEnterObserver {

    static final String PIPELINE = "pipeline";
    static final String PATH = "path";
    /** Columns of the run's stored metrics shown in the metrics table, in order. */
    static final List<String> METRICS = List.of("wape", "mae", "rmse", "r2", "mase", "coverage");
    private static final Set<String> FRACTION_METRICS = Set.of("wape", "coverage");
    private static final int MAX_PATH = 4;
    /** A product's bar label adds its SKU to the name, so names are cut sooner than ChartCards' default. */
    private static final int BAR_LABEL_LENGTH = 24;
    private static final int[] BAND_HISTORY_FORECAST_DASHES = {0, 0, 6};
    private static final int BASELINE_DASH = 3;

    private final ForecastExplorerService explorer;
    private final AccessScope scope;
    private final ViewLoader loader;
    private final Div content = new Div();
    private final ProgressBar loading = ViewLoader.indicator("forecast-loading");
    private final Set<String> shownBaselines = new LinkedHashSet<>();
    private ApexChart chart;
    private ExplorerNode node;

    public ForecastExplorerView(ForecastExplorerService explorer, CurrentUser currentUser, ViewLoader loader) {
        this.explorer = explorer;
        this.scope = currentUser.scope();
        this.loader = loader;
        setPadding(true);
        content.setWidthFull();
        add(new H2(getTranslation("forecast.title")), loading, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        Long requested = pipelineId(query.get(PIPELINE));
        List<String> path = query.getOrDefault(PATH, List.of());
        List<String> requestedPath = path.size() > MAX_PATH ? path.subList(0, MAX_PATH) : path;
        loader.load(this, loading, () -> open(requested, requestedPath), this::show);
    }

    /**
     * What one visit shows: the pipelines to choose from (none without a production forecast), the chosen one, and
     * its node, or why the node could not be shown, so the user can still pick another pipeline.
     */
    private record Loaded(List<PipelineSummary> pipelines, Long chosen, ExplorerNode node, UserFacingException failure) {
    }

    private Loaded open(Long requestedPipeline, List<String> path) {
        List<PipelineSummary> pipelines = explorer.pipelines(scope);
        if (pipelines.isEmpty()) {
            return new Loaded(pipelines, null, null, null);
        }
        long chosen = pipelines.stream().map(PipelineSummary::id).filter(id -> id.equals(requestedPipeline))
                .findFirst().orElse(pipelines.get(0).id());
        try {
            return new Loaded(pipelines, chosen, explorer.node(scope, chosen, path), null);
        } catch (UserFacingException e) {
            return new Loaded(pipelines, chosen, null, e);
        }
    }

    private void show(Loaded loaded) {
        content.removeAll();
        node = loaded.node();
        if (loaded.chosen() == null) {
            content.add(emptyState("forecast-empty", "forecast.empty.title", "forecast.empty.text"));
            return;
        }
        content.add(pipelineChooser(loaded.pipelines(), loaded.chosen()));
        if (node == null) {
            Paragraph message = new Paragraph(loaded.failure().localizedMessage(getLocale()));
            message.setId("forecast-error");
            content.add(message);
            return;
        }
        content.add(runLine(), breadcrumb());
        if (node.forecast().isEmpty()) {
            content.add(emptyState("forecast-node-empty", "forecast.node.empty.title", "forecast.node.empty.text"));
            return;
        }
        Locale locale = getLocale();
        HorizontalLayout choices = new HorizontalLayout();
        choices.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        choices.getStyle().set("flex-wrap", "wrap");
        if (!node.children().isEmpty()) {
            choices.add(childChooser());
        }
        choices.add(baselineChoice());
        chart = new ApexChart(chartOptions(locale));
        chart.setId("forecast-chart");
        chart.setHeight("420px");
        content.add(choices, chart, intervalNote(locale));
        if (!node.children().isEmpty()) {
            content.add(breakdown(locale));
        }
        content.add(metricsTable(locale), forecastTable(locale), exports());
    }

    private Component pipelineChooser(List<PipelineSummary> pipelines, long chosen) {
        ComboBox<PipelineSummary> chooser = new ComboBox<>(getTranslation("forecast.pipeline"));
        chooser.setId("forecast-pipeline");
        chooser.setItems(pipelines);
        chooser.setItemLabelGenerator(PipelineSummary::name);
        chooser.setWidth("28rem");
        pipelines.stream().filter(p -> p.id() == chosen).findFirst().ifPresent(chooser::setValue);
        chooser.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                go(e.getValue().id(), List.of());
            }
        });
        return chooser;
    }

    private Component runLine() {
        ExplorerNode.PipelineInfo pipeline = node.pipeline();
        Paragraph line = new Paragraph(getTranslation("forecast.run", pipeline.runId(), modelLabel(pipeline.model()),
                Formats.dateTime(getLocale(), pipeline.promotedAt()), pipeline.promotedBy(),
                getTranslation("forecast.level." + pipeline.level().name()), pipeline.horizon(),
                getTranslation("forecast.frequency." + pipeline.frequency().name())));
        line.setId("forecast-run");
        line.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Vertical.XSMALL);
        return line;
    }

    private Component breadcrumb() {
        return new Breadcrumb("forecast-breadcrumb", getTranslation("forecast.breadcrumb.all"), node.path(),
                this::segmentLabel, path -> go(node.pipeline().id(), path));
    }

    private Component childChooser() {
        Select<ExplorerNode.Child> children = new Select<>();
        children.setId("forecast-child");
        children.setLabel(getTranslation(childLevelKey()));
        children.setPlaceholder(getTranslation("forecast.child.placeholder"));
        children.setItems(node.children());
        children.setItemLabelGenerator(child -> segmentLabel(child.segment()));
        children.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                go(node.pipeline().id(), e.getValue().path());
            }
        });
        return children;
    }

    private ApexChart breakdown(Locale locale) {
        List<ExplorerNode.Child> children = node.children();
        ApexChart breakdown = new ApexChart(ChartOptions.column(Series.of(getTranslation("forecast.series.forecast"),
                        children.stream().map(ExplorerNode.Child::forecastTotal).toList()))
                .categories(children.stream().map(child -> barLabel(child.segment())).toList())
                .title(getTranslation("forecast.chart.breakdown", getTranslation(childLevelKey()),
                        node.pipeline().horizon()))
                .subtitle(getTranslation("forecast.chart.breakdown.hint"))
                .yAxisTitle(unitTitle())
                .valueFormat(ValueFormat.compact()).locale(locale).distributed(true).legend(false));
        breakdown.setId("forecast-breakdown");
        breakdown.setHeight("260px");
        breakdown.addDataPointClickListener(e -> {
            if (e.getDataPointIndex() >= 0 && e.getDataPointIndex() < children.size()) {
                go(node.pipeline().id(), children.get(e.getDataPointIndex()).path());
            }
        });
        return breakdown;
    }

    private Component baselineChoice() {
        CheckboxGroup<String> baselines = new CheckboxGroup<>(getTranslation("forecast.baselines"));
        baselines.setId("forecast-baselines");
        baselines.setItems(node.baselines().keySet());
        baselines.setItemLabelGenerator(this::modelLabel);
        baselines.setValue(new LinkedHashSet<>(shownBaselines));
        baselines.addValueChangeListener(e -> {
            shownBaselines.clear();
            node.baselines().keySet().stream().filter(e.getValue()::contains).forEach(shownBaselines::add);
            chart.setOptions(chartOptions(getLocale()));
        });
        return baselines;
    }

    /** History, forecast and band, plus the baselines the user ticked, on a zoomable datetime axis. */
    ChartOptions chartOptions(Locale locale) {
        ExplorerNode.PipelineInfo pipeline = node.pipeline();
        Series band = Series.ranges(getTranslation("forecast.series.interval", percent(pipeline.intervalLevel())),
                node.forecast().stream().map(p -> RangePoint.on(p.date(), p.lower(), p.upper())).toList());
        List<Series> lines = new ArrayList<>();
        lines.add(Series.points(getTranslation("forecast.series.history"),
                node.history().stream().map(p -> DataPoint.on(p.date(), p.value())).toList()));
        lines.add(Series.points(getTranslation("forecast.series.forecast"),
                node.forecast().stream().map(p -> DataPoint.on(p.date(), p.forecast())).toList()));
        node.baselines().forEach((name, points) -> {
            if (shownBaselines.contains(name)) {
                lines.add(Series.points(modelLabel(name),
                        points.stream().map(p -> DataPoint.on(p.date(), p.value())).toList()));
            }
        });
        int[] dashes = new int[lines.size() + 1];
        for (int i = 0; i < dashes.length; i++) {
            dashes[i] = i < BAND_HISTORY_FORECAST_DASHES.length ? BAND_HISTORY_FORECAST_DASHES[i] : BASELINE_DASH;
        }
        return ChartOptions.forecastBand(band, lines.toArray(Series[]::new))
                .title(getTranslation("forecast.chart.title", nodeLabel()))
                .xAxisTitle(getTranslation("forecast.axis.period." + pipeline.frequency().name()))
                .yAxisTitle(unitTitle())
                .dashArray(dashes)
                .tooltipDateFormat("yyyy-MM-dd")
                .valueFormat(ValueFormat.number()).locale(locale)
                .zoom(true).toolbar(true);
    }

    private Component intervalNote(Locale locale) {
        ExplorerNode.PipelineInfo pipeline = node.pipeline();
        Object coverage = node.metrics().byModel().getOrDefault(pipeline.model(), Map.of()).get("coverage");
        String measured = coverage instanceof Number number ? percentText(locale, number.doubleValue()) : "—";
        Paragraph note = new Paragraph(node.aggregate()
                ? getTranslation("forecast.interval.aggregate", percent(pipeline.intervalLevel()), measured)
                : getTranslation("forecast.interval.series", percent(pipeline.intervalLevel()), measured));
        note.setId("forecast-interval-note");
        note.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        return note;
    }

    /** One row of the metrics table: a model and its stored backtest metrics. */
    record MetricRow(String model, boolean production, Map<String, Object> values) {
    }

    private Component metricsTable(Locale locale) {
        List<MetricRow> rows = new ArrayList<>();
        String production = node.pipeline().model();
        node.metrics().byModel().forEach((model, values) -> rows.add(new MetricRow(model, model.equals(production),
                values)));
        rows.sort((a, b) -> Boolean.compare(b.production(), a.production()));
        Grid<MetricRow> grid = new Grid<>();
        grid.setId("forecast-metrics");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(row -> row.production() ? getTranslation("forecast.metrics.production", modelLabel(row.model()))
                : modelLabel(row.model())).setHeader(getTranslation("forecast.metrics.model")).setAutoWidth(true);
        for (String metric : METRICS) {
            grid.addColumn(row -> metricText(locale, metric, row.values().get(metric)))
                    .setHeader(getTranslation("forecast.metric." + metric)).setAutoWidth(true);
        }
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        Paragraph hint = new Paragraph(metricsHint());
        hint.setId("forecast-metrics-hint");
        Div section = new Div(new H3(getTranslation("forecast.metrics.title")), hint);
        if (!rows.isEmpty()) {
            section.add(grid);
        }
        betterBaseline(rows, locale).ifPresent(section::add);
        section.setWidthFull();
        section.addClassName(LumoUtility.Margin.Top.MEDIUM);
        return section;
    }

    /**
     * Says which model beat the production model on WAPE in the same backtest, if one did: a manager should not
     * trust a forecast that a moving average outdid without knowing it, and can draw that model as a line where the
     * chart offers it.
     */
    private Optional<Paragraph> betterBaseline(List<MetricRow> rows, Locale locale) {
        Double productionWape = rows.stream().filter(MetricRow::production).findFirst()
                .map(ForecastExplorerView::wape).orElse(null);
        if (productionWape == null) {
            return Optional.empty();
        }
        return rows.stream()
                .filter(row -> !row.production() && wape(row) != null && wape(row) < productionWape)
                .min(Comparator.comparingDouble(ForecastExplorerView::wape))
                .map(best -> {
                    String text = getTranslation("forecast.metrics.betterBaseline", modelLabel(best.model()),
                            metricText(locale, "wape", wape(best)), metricText(locale, "wape", productionWape));
                    if (node.baselines().containsKey(best.model())) {
                        text += getTranslation("forecast.metrics.betterBaseline.draw");
                    }
                    Paragraph note = new Paragraph(text);
                    note.setId("forecast-metrics-better");
                    note.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.WARNING);
                    return note;
                });
    }

    /** The row's stored WAPE, or null where the run stored none. */
    private static Double wape(MetricRow row) {
        return row.values().get("wape") instanceof Number wape ? wape.doubleValue() : null;
    }

    /** What the metrics are measured on: a run over categories outside the caller's is not shown as it is. */
    private String metricsHint() {
        ProductionMetrics metrics = node.metrics();
        if (metrics.allSeries()) {
            return getTranslation("forecast.metrics.hint");
        }
        return metrics.withheld() ? getTranslation("forecast.metrics.withheld")
                : getTranslation("forecast.metrics.scoped", metrics.series());
    }

    private Component forecastTable(Locale locale) {
        Grid<ExplorerNode.ForecastPoint> grid = new Grid<>();
        grid.setId("forecast-table");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(p -> p.date().toString()).setHeader(getTranslation("forecast.table.date"));
        grid.addColumn(p -> Formats.number(locale, p.forecast())).setHeader(getTranslation("forecast.table.forecast"));
        grid.addColumn(p -> Formats.number(locale, p.lower())).setHeader(getTranslation("forecast.table.lower"));
        grid.addColumn(p -> Formats.number(locale, p.upper())).setHeader(getTranslation("forecast.table.upper"));
        grid.setItems(node.forecast());
        grid.setAllRowsVisible(true);
        Div section = new Div(new H3(getTranslation("forecast.table.title", nodeLabel())), grid);
        section.setWidthFull();
        section.addClassName(LumoUtility.Margin.Top.MEDIUM);
        return section;
    }

    private Component exports() {
        ExportTable table = exportTable();
        String baseName = "forecast-" + node.pipeline().id();
        Anchor csv = ExportLinks.link("forecast-export-csv", getTranslation("forecast.export.csv"), baseName,
                ExportLinks.Format.CSV, () -> table);
        Anchor xlsx = ExportLinks.link("forecast-export-xlsx", getTranslation("forecast.export.xlsx"), baseName,
                ExportLinks.Format.XLSX, () -> table);
        HorizontalLayout bar = new HorizontalLayout(csv, xlsx);
        bar.addClassName(LumoUtility.Margin.Vertical.MEDIUM);
        return bar;
    }

    /** The forecast table with the pipeline and the node's path in front, one row per period. */
    ExportTable exportTable() {
        List<String> header = new ArrayList<>();
        header.add(getTranslation("forecast.export.pipeline"));
        List<String> path = node.path();
        for (int depth = 0; depth < path.size(); depth++) {
            header.add(getTranslation(segmentHeaderKey(depth)));
        }
        boolean product = isProduct(path);
        if (product) {
            header.add(getTranslation("forecast.export.description"));
        }
        header.addAll(List.of(getTranslation("forecast.table.date"), getTranslation("forecast.table.forecast"),
                getTranslation("forecast.table.lower"), getTranslation("forecast.table.upper")));
        List<List<Object>> rows = new ArrayList<>();
        for (ExplorerNode.ForecastPoint point : node.forecast()) {
            List<Object> row = new ArrayList<>();
            row.add(node.pipeline().name());
            row.addAll(path);
            if (product) {
                row.add(node.productNames().getOrDefault(path.get(path.size() - 1), ""));
            }
            row.addAll(List.of(point.date(), point.forecast(), point.lower(), point.upper()));
            rows.add(row);
        }
        return new ExportTable("Forecast", header, rows);
    }

    private Div emptyState(String id, String titleKey, String textKey) {
        Div empty = new Div(new H3(getTranslation(titleKey)), new Paragraph(getTranslation(textKey)));
        empty.setId(id);
        empty.addClassNames(LumoUtility.Padding.LARGE, LumoUtility.Background.CONTRAST_5,
                LumoUtility.BorderRadius.MEDIUM);
        return empty;
    }

    private String unitTitle() {
        return getTranslation(node.pipeline().target() == Target.REVENUE ? "forecast.axis.revenue"
                : "forecast.axis.units");
    }

    private String nodeLabel() {
        return node.path().stream().filter(segment -> !segment.isEmpty()).reduce((a, b) -> b)
                .map(this::segmentLabel).orElse(getTranslation("forecast.breadcrumb.all"));
    }

    private boolean isProduct(List<String> path) {
        return node.pipeline().level() == Level.PRODUCT && path.size() == node.pipeline().depth();
    }

    /** The name of the level the node's children are on. */
    private String childLevelKey() {
        return segmentHeaderKey(node.path().size());
    }

    private String segmentHeaderKey(int depth) {
        boolean productLevel = node.pipeline().level() == Level.PRODUCT && depth == node.pipeline().depth() - 1;
        return productLevel ? "forecast.level.PRODUCT" : "forecast.level.CATEGORY" + (depth + 1);
    }

    /** A product as its description with the SKU that identifies it, a category by its name. */
    private String segmentLabel(String segment) {
        if (segment.isEmpty()) {
            return getTranslation("forecast.segment.none");
        }
        String productName = node.productNames().get(segment);
        return productName == null ? segment : getTranslation("forecast.product.label", productName, segment);
    }

    private String modelLabel(String model) {
        return getTranslation("forecast.model." + model);
    }

    private String metricText(Locale locale, String metric, Object value) {
        if (!(value instanceof Number number)) {
            return "—";
        }
        if (FRACTION_METRICS.contains(metric)) {
            return percentText(locale, number.doubleValue());
        }
        return Formats.number(locale, number.doubleValue());
    }

    private static String percentText(Locale locale, double fraction) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(fraction);
    }

    private static String percent(double fraction) {
        return Long.toString(Math.round(fraction * 100));
    }

    /** A bar's label: long names shortened, a product's SKU always whole. */
    private String barLabel(String segment) {
        String productName = node.productNames().get(segment);
        return productName == null ? shorten(segmentLabel(segment))
                : getTranslation("forecast.product.label", shorten(productName), segment);
    }

    private static String shorten(String label) {
        return ChartCards.shorten(label, BAR_LABEL_LENGTH);
    }

    private static Long pipelineId(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(values.get(0));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Navigates to the URL of a node; the history entry is what lets "back" go up a level. */
    private static void go(long pipelineId, List<String> path) {
        UI.getCurrent().navigate(ForecastExplorerView.class, query(pipelineId, path));
    }

    static QueryParameters query(long pipelineId, List<String> path) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put(PIPELINE, List.of(Long.toString(pipelineId)));
        if (!path.isEmpty()) {
            parameters.put(PATH, path);
        }
        return new QueryParameters(parameters);
    }
}
