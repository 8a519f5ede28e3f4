package com.trendcast.behaviour.ui;

import com.trendcast.behaviour.BehaviourService;
import com.trendcast.behaviour.EventFilter;
import com.trendcast.behaviour.EventInsights;
import com.trendcast.behaviour.FunnelStage;
import com.trendcast.behaviour.PropensityRun;
import com.trendcast.behaviour.SessionSegments;
import com.trendcast.behaviour.TrendGrain;
import com.trendcast.behaviour.propensity.ClassificationMetrics;
import com.trendcast.behaviour.propensity.PropensityWorkflow;
import com.trendcast.common.UserFacingException;
import com.trendcast.common.export.ExportTable;
import com.trendcast.dataset.DatasetSummary;
import com.trendcast.dataset.read.mapping.DatasetKind;
import com.trendcast.security.AccessScope;
import com.trendcast.security.CurrentUser;
import com.trendcast.ui.ChartCards;
import com.trendcast.ui.DateRangeFields;
import com.trendcast.ui.ExportLinks;
import com.trendcast.ui.MainLayout;
import com.trendcast.ui.QueryParams;
import com.trendcast.ui.chart.ApexChart;
import com.trendcast.ui.chart.AxisType;
import com.trendcast.ui.chart.ChartOptions;
import com.trendcast.ui.chart.DataPoint;
import com.trendcast.ui.chart.Series;
import com.trendcast.ui.chart.ValueFormat;
import com.trendcast.ui.chart.YAxis;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;

import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * User behaviour: for an event dataset the funnel, conversion trend, weekday × hour activity and top items;
 * for a session dataset conversion by segment and purchase-propensity models with a live threshold. Queries
 * and training run on the application executor and come back through server push, so the UI thread never
 * waits on them. The dataset, filters and segment live in the URL query, so a link reproduces the view.
 */
@Route(value = "behaviour", layout = MainLayout.class)
@PageTitle("Behaviour · Trendcast")
@PermitAll
public class BehaviourView extends VerticalLayout implements BeforeEnterObserver {

    static final String DATASET = "dataset";
    static final String FROM = "from";
    static final String TO = "to";
    static final String CATEGORY = "cat";
    static final String GRAIN = "grain";
    static final String MIN_VIEWERS = "minViewers";
    static final String SEGMENT = "segment";
    /** Anything slower than this shows a loading indicator. */
    static final long LOADING_INDICATOR_DELAY_MS = 300;
    private static final int DEFAULT_THRESHOLD_PERCENT = 50;
    private static final int MAX_ROC_POINTS = 150;
    private static final long SEED = 42;
    private static final int MODEL_COUNT = PropensityWorkflow.models().size();
    private static final List<String> PREFERRED_SEGMENTS = List.of("VisitorType", "Month", "Weekend", "TrafficType");
    private static final Logger log = LoggerFactory.getLogger(BehaviourView.class);

    private final BehaviourService behaviour;
    private final AsyncTaskExecutor executor;
    private final AccessScope scope;
    private List<DatasetSummary> datasets = List.of();
    private final Div content = new Div();

    private DatasetSummary dataset;
    private EventFilter filter = EventFilter.all();
    private TrendGrain grain = TrendGrain.DAY;
    private String segment;
    private Future<?> loading;
    /** Counts renders, so a slow answer to an earlier one never replaces what the current one shows. */
    private int renderCount;
    private Future<?> training;
    private AtomicBoolean trainingCancelled = new AtomicBoolean();
    private long trainingDatasetId;
    private HeatmapMetric heatmapMetric = HeatmapMetric.ALL_EVENTS;
    private List<EventInsights.ItemConversion> shownTopItems = List.of();

    private volatile PropensityRun run;
    private volatile String shownModel;
    private volatile int thresholdPercent = DEFAULT_THRESHOLD_PERCENT;
    private PropensityPanel propensityPanel;

    enum HeatmapMetric { ALL_EVENTS, VIEWS, PURCHASES, PURCHASES_PER_VIEW }

    public BehaviourView(BehaviourService behaviour, CurrentUser currentUser,
                         @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
        this.behaviour = behaviour;
        this.executor = executor;
        this.scope = currentUser.scope();
        setPadding(true);
        content.setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParams query = QueryParams.of(event);
        // read again on every navigation: the view instance is reused while only the query changes
        datasets = behaviour.datasets(scope);
        dataset = chosenDataset(query.first(DATASET));
        QueryParams.DateRange range = query.dateRange(FROM, TO);
        Integer minViewers = positive(query.first(MIN_VIEWERS));
        filter = new EventFilter(range.from(), range.to(), query.first(CATEGORY),
                minViewers == null ? EventFilter.DEFAULT_MIN_ITEM_VIEWERS : minViewers);
        grain = "week".equalsIgnoreCase(query.first(GRAIN)) ? TrendGrain.WEEK : TrendGrain.DAY;
        segment = query.first(SEGMENT);
        render();
    }

    private DatasetSummary chosenDataset(String id) {
        if (datasets.isEmpty()) {
            return null;
        }
        for (DatasetSummary candidate : datasets) {
            if (String.valueOf(candidate.id()).equals(id)) {
                return candidate;
            }
        }
        return datasets.get(0);
    }

    private void render() {
        renderCount++;
        cancel(loading);
        if (dataset == null || dataset.id() != trainingDatasetId) {
            stopTraining();
        }
        removeAll();
        content.removeAll();
        add(new H2(getTranslation("behaviour.title")));
        if (dataset == null) {
            add(emptyState("behaviour-empty", "behaviour.empty.title", "behaviour.empty.text", true));
            return;
        }
        add(datasetChooser(), content);
        if (dataset.kind() == DatasetKind.EVENTS) {
            long datasetId = dataset.id();
            EventFilter current = filter;
            load(() -> new EventPage(behaviour.eventCategories(scope, datasetId), behaviour.events(scope, datasetId, current)),
                    this::showEvents);
        } else {
            long datasetId = dataset.id();
            String requested = segment;
            load(() -> sessionPage(datasetId, requested), this::showSessions);
        }
    }

    private Component datasetChooser() {
        ComboBox<DatasetSummary> chooser = new ComboBox<>(getTranslation("behaviour.dataset"));
        chooser.setId("behaviour-dataset");
        chooser.setItems(datasets);
        chooser.setItemLabelGenerator(d -> d.name() + " · " + getTranslation("behaviour.kind." + d.kind().name()));
        chooser.setValue(dataset);
        chooser.setWidth("28rem");
        chooser.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                go(e.getValue(), EventFilter.all(), TrendGrain.DAY, null);
            }
        });
        Span hint = new Span(getTranslation(dataset.kind() == DatasetKind.EVENTS ? "behaviour.kind.EVENTS.hint"
                : "behaviour.kind.SESSIONS.hint"));
        hint.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        HorizontalLayout bar = new HorizontalLayout(chooser, hint);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    // ---- background loading -------------------------------------------------------------------------------

    private record EventPage(List<String> categories, EventInsights insights) {
    }

    private record SessionPage(List<SessionSegments.Column> columns, SessionSegments segments) {
    }

    private SessionPage sessionPage(long datasetId, String requested) {
        List<SessionSegments.Column> columns = behaviour.sessionColumns(scope, datasetId);
        if (columns.isEmpty()) {
            return new SessionPage(columns, null);
        }
        String column = columns.stream().map(SessionSegments.Column::name).filter(name -> name.equals(requested))
                .findFirst().orElseGet(() -> defaultSegment(columns));
        return new SessionPage(columns, behaviour.segments(scope, datasetId, column));
    }

    private static String defaultSegment(List<SessionSegments.Column> columns) {
        for (String preferred : PREFERRED_SEGMENTS) {
            for (SessionSegments.Column column : columns) {
                if (column.name().equalsIgnoreCase(preferred)) {
                    return column.name();
                }
            }
        }
        return columns.stream().filter(c -> !c.numeric()).findFirst().orElse(columns.get(0)).name();
    }

    /**
     * Runs {@code query} on the executor and shows its result with {@code show}; a progress bar appears only
     * if the answer takes longer than {@link #LOADING_INDICATOR_DELAY_MS}.
     */
    private <T> void load(Supplier<T> query, Consumer<T> show) {
        UI ui = UI.getCurrent();
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        Span label = new Span(getTranslation("behaviour.loading"));
        Div indicator = new Div(label, progress);
        indicator.setId("behaviour-loading");
        indicator.setVisible(false);
        content.add(indicator);
        AtomicBoolean done = new AtomicBoolean();
        int render = renderCount;
        Consumer<Runnable> showIfCurrent = change -> push(ui, () -> {
            done.set(true);
            if (render == renderCount) {
                content.removeAll();
                change.run();
            }
        });
        loading = executor.submit(() -> {
            try {
                T result = query.get();
                showIfCurrent.accept(() -> show.accept(result));
            } catch (UserFacingException e) {
                showIfCurrent.accept(() -> content.add(errorState(e.localizedMessage(getLocale()))));
            } catch (RuntimeException e) {
                log.error("Behaviour query failed", e);
                showIfCurrent.accept(() -> content.add(errorState(getTranslation("behaviour.error"))));
            }
        });
        CompletableFuture.delayedExecutor(LOADING_INDICATOR_DELAY_MS, TimeUnit.MILLISECONDS, executor)
                .execute(() -> push(ui, () -> indicator.setVisible(!done.get())));
    }

    /** Changes the UI from a background thread; a UI the user has left is skipped. */
    private static void push(UI ui, Runnable change) {
        try {
            ui.access(change::run);
        } catch (UIDetachedException left) {
            log.debug("Result not shown: the user left the behaviour page");
        }
    }

    /**
     * Drops a queued query; one already running finishes and its answer is ignored. Never interrupts: an
     * interrupt that reaches embedded H2 file I/O closes the database for everyone.
     */
    private static void cancel(Future<?> task) {
        if (task != null && !task.isDone()) {
            task.cancel(false);
        }
    }

    /** Whether propensity models are being trained (or stopping) in the background. */
    boolean isTraining() {
        return training != null && !training.isDone();
    }

    private void stopTraining() {
        trainingCancelled.set(true);
        cancel(training);
    }

    /** Leaving the page drops its queued queries and stops any training, so no core keeps working for nobody. */
    @Override
    protected void onDetach(DetachEvent detachEvent) {
        cancel(loading);
        stopTraining();
        super.onDetach(detachEvent);
    }

    // ---- events -------------------------------------------------------------------------------------------

    private void showEvents(EventPage page) {
        EventInsights insights = page.insights();
        content.add(eventFilters(page.categories(), insights));
        if (insights.isEmpty()) {
            content.add(emptyState("behaviour-events-empty", "behaviour.events.empty.title", "behaviour.events.empty.text",
                    false));
            return;
        }
        Locale locale = getLocale();
        content.add(ChartCards.row(ChartCards.card("behaviour-funnel", funnel(insights, locale), 1),
                ChartCards.card("behaviour-trend", trend(insights, locale), 2)));
        content.add(mappedTypes(insights));
        content.add(ChartCards.row(heatmapCard(insights, locale),
                ChartCards.card("behaviour-top-items", topItems(insights, locale), 1)));
        content.add(topItemsTable(insights.topItems(), locale));
    }

    private Component eventFilters(List<String> categories, EventInsights insights) {
        DateRangeFields range = new DateRangeFields("behaviour",
                getTranslation("behaviour.filter.from"), filter.from() != null ? filter.from() : insights.firstDay(),
                getTranslation("behaviour.filter.to"), filter.to() != null ? filter.to() : insights.lastDay(),
                (from, to) -> go(dataset, new EventFilter(from, to, filter.category(), filter.minItemViewers()),
                        grain, null));
        ComboBox<String> category = new ComboBox<>(getTranslation("behaviour.filter.category"));
        category.setId("behaviour-category");
        category.setItems(categories);
        category.setClearButtonVisible(true);
        category.setPlaceholder(getTranslation("behaviour.filter.all"));
        category.setValue(categories.contains(filter.category()) ? filter.category() : null);
        category.setEnabled(!categories.isEmpty());
        category.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                go(dataset, new EventFilter(filter.from(), filter.to(), e.getValue(), filter.minItemViewers()), grain, null);
            }
        });
        RadioButtonGroup<TrendGrain> grainChoice = new RadioButtonGroup<>(getTranslation("behaviour.filter.grain"));
        grainChoice.setId("behaviour-grain");
        grainChoice.setItems(TrendGrain.values());
        grainChoice.setItemLabelGenerator(g -> getTranslation("behaviour.grain." + g.name()));
        grainChoice.setValue(grain);
        grainChoice.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                go(dataset, filter, e.getValue(), null);
            }
        });
        IntegerField minViewers = new IntegerField(getTranslation("behaviour.filter.minViewers"));
        minViewers.setId("behaviour-min-viewers");
        minViewers.setMin(1);
        minViewers.setStepButtonsVisible(true);
        minViewers.setValue(filter.minItemViewers());
        minViewers.setHelperText(getTranslation("behaviour.items.minViewers.help"));
        minViewers.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && e.getValue() >= 1) {
                go(dataset, new EventFilter(filter.from(), filter.to(), filter.category(), e.getValue()), grain, null);
            }
        });
        HorizontalLayout bar = new HorizontalLayout(range.from(), range.to(), category, grainChoice, minViewers);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        return bar;
    }

    private ApexChart funnel(EventInsights insights, Locale locale) {
        List<String> steps = new ArrayList<>();
        List<Long> visitors = new ArrayList<>();
        for (EventInsights.FunnelStep step : insights.funnel()) {
            String name = getTranslation("behaviour.stage." + step.stage().name());
            steps.add(step.rateFromPrevious() == null ? name
                    : getTranslation("behaviour.funnel.step", name, percent(locale, step.rateFromPrevious()),
                    getTranslation("behaviour.stage." + FunnelStage.values()[step.stage().ordinal() - 1].name())));
            visitors.add(step.visitors());
        }
        return new ApexChart(ChartOptions.bar(Series.of(getTranslation("behaviour.series.visitors"), visitors))
                .categories(steps)
                .title(getTranslation("behaviour.chart.funnel.title"))
                .subtitle(getTranslation("behaviour.chart.funnel.subtitle"))
                .xAxisTitle(getTranslation("behaviour.axis.visitors"))
                .dataLabels(true).distributed(true).legend(false)
                .valueFormat(ValueFormat.integer()).locale(locale));
    }

    private Component mappedTypes(EventInsights insights) {
        Div mapping = new Div();
        mapping.setId("behaviour-event-types");
        mapping.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Locale locale = getLocale();
        List<String> parts = new ArrayList<>();
        for (FunnelStage stage : FunnelStage.values()) {
            String raw = insights.eventTypes().stream().filter(t -> t.stage() == stage)
                    .map(t -> t.rawType() + " (" + integer(locale, t.events()) + ")").collect(Collectors.joining(", "));
            parts.add(getTranslation("behaviour.types.mapped", getTranslation("behaviour.stage." + stage.name()),
                    raw.isEmpty() ? getTranslation("behaviour.types.none") : raw));
        }
        String unmapped = insights.eventTypes().stream().filter(t -> t.stage() == null)
                .map(t -> t.rawType() + " (" + integer(locale, t.events()) + ")").collect(Collectors.joining(", "));
        if (!unmapped.isEmpty()) {
            parts.add(getTranslation("behaviour.types.unmapped", unmapped));
        }
        mapping.setText(String.join(" · ", parts));
        return mapping;
    }

    private ApexChart trend(EventInsights insights, Locale locale) {
        List<DataPoint> points = new ArrayList<>();
        for (EventInsights.DayConversion period : insights.trend(grain)) {
            if (period.rate() != null) {
                points.add(DataPoint.on(period.day(), period.rate()));
            }
        }
        String name = getTranslation("behaviour.series.conversion");
        return new ApexChart(ChartOptions.line(Series.points(name, points))
                .title(getTranslation("behaviour.chart.trend." + grain.name()))
                .xAxisType(AxisType.DATETIME)
                .xAxisTitle(getTranslation("behaviour.axis.date." + grain.name()))
                .yAxes(YAxis.titled(getTranslation("behaviour.axis.conversion")).min(0))
                .noDataText(getTranslation("behaviour.chart.trend.noData"))
                .valueFormat(ValueFormat.percent()).locale(locale).zoom(true));
    }

    private Component heatmapCard(EventInsights insights, Locale locale) {
        ApexChart chart = new ApexChart(heatmapOptions(insights, locale));
        chart.setId("behaviour-heatmap");
        chart.setHeight("320px");
        RadioButtonGroup<HeatmapMetric> metric = new RadioButtonGroup<>();
        metric.setId("behaviour-heatmap-metric");
        metric.setItems(HeatmapMetric.values());
        metric.setItemLabelGenerator(m -> getTranslation("behaviour.heatmap." + m.name()));
        metric.setValue(heatmapMetric);
        metric.addValueChangeListener(e -> {
            heatmapMetric = e.getValue();
            chart.setOptions(heatmapOptions(insights, locale));
        });
        return ChartCards.card(2, metric, chart);
    }

    private ChartOptions heatmapOptions(EventInsights insights, Locale locale) {
        EventInsights.HourGrid grid = insights.weekdayHour();
        Series[] rows = new Series[7];
        for (int weekday = 6; weekday >= 0; weekday--) {
            List<DataPoint> cells = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                String column = String.format(Locale.ROOT, "%02d", hour);
                Number value = switch (heatmapMetric) {
                    case ALL_EVENTS -> grid.allEvents()[weekday][hour];
                    case VIEWS -> grid.views()[weekday][hour];
                    case PURCHASES -> grid.purchases()[weekday][hour];
                    case PURCHASES_PER_VIEW -> {
                        Double rate = grid.purchasesPerView(weekday, hour);
                        yield rate == null ? 0 : rate;
                    }
                };
                cells.add(DataPoint.of(column, value));
            }
            rows[6 - weekday] = Series.points(DayOfWeek.of(weekday + 1).getDisplayName(TextStyle.SHORT, locale), cells);
        }
        return ChartOptions.heatmap(rows)
                .title(getTranslation("behaviour.chart.heatmap.title", getTranslation("behaviour.heatmap." + heatmapMetric.name())))
                .xAxisTitle(getTranslation("behaviour.axis.hour"))
                .valueFormat(heatmapMetric == HeatmapMetric.PURCHASES_PER_VIEW ? ValueFormat.percent() : ValueFormat.integer())
                .locale(locale).legend(false);
    }

    private ApexChart topItems(EventInsights insights, Locale locale) {
        List<EventInsights.ItemConversion> items = insights.topItems();
        return new ApexChart(ChartOptions.bar(Series.of(getTranslation("behaviour.series.conversion"),
                        items.stream().map(EventInsights.ItemConversion::rate).toList()))
                .categories(items.stream().map(item -> getTranslation("behaviour.item.label", ChartCards.shorten(item.item()),
                        integer(locale, item.buyers()), integer(locale, item.viewers()))).toList())
                .title(getTranslation("behaviour.chart.items.title", BehaviourService.TOP_ITEMS))
                .subtitle(getTranslation("behaviour.items.subtitle.visitorDays", filter.minItemViewers()))
                .xAxisTitle(getTranslation("behaviour.axis.conversion"))
                .noDataText(getTranslation("behaviour.chart.items.noData", filter.minItemViewers()))
                .valueFormat(ValueFormat.percent()).locale(locale).legend(false));
    }

    /** The top items as a table with their whole funnel, downloadable as shown. */
    private Component topItemsTable(List<EventInsights.ItemConversion> items, Locale locale) {
        Grid<EventInsights.ItemConversion> grid = new Grid<>();
        grid.setId("behaviour-top-items-table");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(EventInsights.ItemConversion::item).setHeader(getTranslation("behaviour.items.item"))
                .setAutoWidth(true).setFlexGrow(2);
        grid.addColumn(item -> integer(locale, item.viewers())).setHeader(getTranslation("behaviour.items.viewers"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(item -> integer(locale, item.carts())).setHeader(getTranslation("behaviour.items.carts"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(item -> integer(locale, item.buyers())).setHeader(getTranslation("behaviour.items.buyers"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(item -> percent(locale, item.rate())).setHeader(getTranslation("behaviour.items.conversion"))
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(items);
        grid.setAllRowsVisible(true);
        shownTopItems = items;
        Paragraph note = new Paragraph(getTranslation("behaviour.items.note"));
        note.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        String baseName = "top-items-" + dataset.id();
        HorizontalLayout downloads = new HorizontalLayout(
                ExportLinks.link("behaviour-items-export-csv", getTranslation("behaviour.items.export.csv"), baseName,
                        ExportLinks.Format.CSV, this::topItemsExport),
                ExportLinks.link("behaviour-items-export-xlsx", getTranslation("behaviour.items.export.xlsx"), baseName,
                        ExportLinks.Format.XLSX, this::topItemsExport));
        Div card = new Div(new H3(getTranslation("behaviour.chart.items.title", BehaviourService.TOP_ITEMS)), grid, note,
                downloads);
        card.addClassName("chart-card");
        card.setWidthFull();
        return card;
    }

    /** The top-items download as it would be made now. */
    byte[] topItemsExportBytes(ExportLinks.Format format) {
        return ExportLinks.bytes(topItemsExport(), format);
    }

    /** The top items as the table shows them; conversion in percent, rounded to two decimals. */
    private ExportTable topItemsExport() {
        List<List<Object>> rows = new ArrayList<>(shownTopItems.size());
        for (EventInsights.ItemConversion item : shownTopItems) {
            rows.add(List.of(item.item(), item.viewers(), item.carts(), item.buyers(),
                    Math.round(item.rate() * 10_000) / 100.0));
        }
        return new ExportTable(getTranslation("behaviour.items.export.sheet"), List.of(
                getTranslation("behaviour.items.item"), getTranslation("behaviour.items.viewers"),
                getTranslation("behaviour.items.carts"), getTranslation("behaviour.items.buyers"),
                getTranslation("behaviour.items.export.conversion")), rows);
    }

    // ---- sessions -----------------------------------------------------------------------------------------

    private void showSessions(SessionPage page) {
        if (page.segments() == null) {
            content.add(emptyState("behaviour-sessions-empty", "behaviour.sessions.empty.title",
                    "behaviour.sessions.empty.text", true));
            return;
        }
        SessionSegments segments = page.segments();
        Locale locale = getLocale();
        ComboBox<SessionSegments.Column> column = new ComboBox<>(getTranslation("behaviour.segment.column"));
        column.setId("behaviour-segment");
        column.setItems(page.columns());
        column.setItemLabelGenerator(c -> c.numeric() ? getTranslation("behaviour.segment.numeric", c.name()) : c.name());
        column.setValue(page.columns().stream().filter(c -> c.name().equals(segments.column())).findFirst().orElse(null));
        column.setWidth("22rem");
        column.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                go(dataset, filter, grain, e.getValue().name());
            }
        });
        Span overall = new Span(getTranslation("behaviour.segment.overall", integer(locale, segments.sessions()),
                integer(locale, segments.purchases()), percent(locale, segments.conversionRate())));
        overall.setId("behaviour-sessions-overall");
        HorizontalLayout bar = new HorizontalLayout(column, overall);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        content.add(bar);
        List<String> labels = segments.segments().stream()
                .map(s -> s.label() == null ? getTranslation("behaviour.segment.missing") : ChartCards.shorten(s.label())).toList();
        String binnedNote = segments.binned() ? getTranslation("behaviour.segment.binned") : null;
        ChartOptions rate = ChartOptions.column(Series.of(getTranslation("behaviour.series.conversion"),
                        segments.segments().stream().map(SessionSegments.Segment::conversionRate).toList()))
                .categories(labels)
                .title(getTranslation("behaviour.chart.segmentRate.title", segments.column()))
                .xAxisTitle(segments.column())
                .yAxisTitle(getTranslation("behaviour.axis.sessionConversion"))
                .valueFormat(ValueFormat.percent()).locale(locale).legend(false);
        ChartOptions count = ChartOptions.column(Series.of(getTranslation("behaviour.series.sessions"),
                        segments.segments().stream().map(SessionSegments.Segment::sessions).toList()))
                .categories(labels)
                .title(getTranslation("behaviour.chart.segmentSessions.title", segments.column()))
                .xAxisTitle(segments.column())
                .yAxisTitle(getTranslation("behaviour.axis.sessions"))
                .valueFormat(ValueFormat.integer()).locale(locale).legend(false);
        if (binnedNote != null) {
            rate.subtitle(binnedNote);
            count.subtitle(binnedNote);
        }
        content.add(ChartCards.row(ChartCards.card("behaviour-segment-rate", new ApexChart(rate), 1),
                ChartCards.card("behaviour-segment-sessions", new ApexChart(count), 1)));
        propensityPanel = new PropensityPanel();
        content.add(propensityPanel);
        if (isTraining() && trainingDatasetId == dataset.id()) {
            propensityPanel.showProgress(null, 0);
        } else if (run != null && run.datasetId() == dataset.id()) {
            propensityPanel.showRun();
        }
    }

    /** Training, then the held-out evaluation with the threshold slider and the export. */
    private final class PropensityPanel extends Div {

        private final Button train = new Button(getTranslation("behaviour.propensity.train"));
        private final Div status = new Div();
        private final Div results = new Div();
        private final Span thresholdValue = new Span();
        private final Grid<ModelRow> comparison = new Grid<>();
        private final Map<String, Span> figures = new LinkedHashMap<>();
        private final Map<String, Span> matrix = new LinkedHashMap<>();

        PropensityPanel() {
            setId("behaviour-propensity");
            addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.Background.CONTRAST_5, LumoUtility.BorderRadius.MEDIUM);
            setWidthFull();
            Paragraph about = new Paragraph(getTranslation("behaviour.propensity.about",
                    Math.round(PropensityRun.TEST_SHARE * 100)));
            train.setId("behaviour-train");
            train.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            train.addClickListener(e -> startTraining());
            status.setId("behaviour-train-status");
            results.setId("behaviour-propensity-results");
            results.setWidthFull();
            add(new H3(getTranslation("behaviour.propensity.title")), about, train, status, results);
        }

        private void startTraining() {
            UI ui = UI.getCurrent();
            long datasetId = dataset.id();
            trainingDatasetId = datasetId;
            run = null;
            showProgress(null, 0);
            AtomicBoolean cancelled = new AtomicBoolean();
            trainingCancelled = cancelled;
            training = executor.submit(() -> {
                try {
                    int[] started = new int[1];
                    PropensityRun trained = behaviour.trainPropensity(scope, datasetId, SEED, model -> {
                        int number = ++started[0];
                        push(ui, () -> propensityPanel.showProgress(model, number));
                    }, cancelled::get);
                    push(ui, () -> {
                        run = trained;
                        shownModel = trained.bestModel();
                        propensityPanel.status.removeAll();
                        propensityPanel.train.setEnabled(true);
                        propensityPanel.showRun();
                    });
                } catch (UserFacingException e) {
                    push(ui, () -> propensityPanel.failed(e.localizedMessage(getLocale())));
                } catch (CancellationException e) {
                    log.info("Propensity training on dataset {} stopped: {}", datasetId, e.getMessage());
                } catch (RuntimeException e) {
                    log.error("Propensity training failed on dataset {}", datasetId, e);
                    push(ui, () -> propensityPanel.failed(getTranslation("behaviour.propensity.failed")));
                }
            });
        }

        /** {@code model} is null while the sessions are being read; {@code number} counts models from 1. */
        void showProgress(String model, int number) {
            train.setEnabled(false);
            results.removeAll();
            ProgressBar progress = new ProgressBar(0, MODEL_COUNT, Math.max(0, number - 1));
            progress.setId("behaviour-train-progress");
            Span step = new Span(model == null ? getTranslation("behaviour.propensity.preparing")
                    : getTranslation("behaviour.propensity.training", getTranslation("behaviour.model." + model),
                    number, MODEL_COUNT));
            status.removeAll();
            status.add(step, progress);
        }

        private void failed(String message) {
            status.removeAll();
            Paragraph error = new Paragraph(message);
            error.addClassName(LumoUtility.TextColor.ERROR);
            status.add(error);
            train.setEnabled(true);
        }

        void showRun() {
            PropensityRun current = run;
            Locale locale = getLocale();
            results.removeAll();
            figures.clear();
            matrix.clear();
            Paragraph summary = new Paragraph(getTranslation("behaviour.propensity.summary",
                    integer(locale, current.trainingSessions()), integer(locale, current.testLabels().length),
                    seconds(locale, current.trainingTime().toMillis()),
                    getTranslation("behaviour.model." + current.bestModel())));
            summary.setId("behaviour-propensity-summary");

            RadioButtonGroup<String> model = new RadioButtonGroup<>(getTranslation("behaviour.propensity.model"));
            model.setId("behaviour-model");
            model.setItems(current.modelNames());
            model.setItemLabelGenerator(name -> getTranslation("behaviour.model." + name));
            model.setValue(shownModel);
            model.addValueChangeListener(e -> {
                shownModel = e.getValue();
                updateThresholdFigures();
            });

            ThresholdSlider slider = new ThresholdSlider(thresholdPercent, getTranslation("behaviour.propensity.threshold"));
            slider.setId("behaviour-threshold");
            slider.addValueChangeListener(e -> {
                thresholdPercent = e.getValue();
                updateThresholdFigures();
            });
            thresholdValue.setId("behaviour-threshold-value");
            Span thresholdLabel = new Span(getTranslation("behaviour.propensity.threshold"));
            thresholdLabel.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
            Div threshold = new Div(thresholdLabel, slider, thresholdValue);
            threshold.addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.CENTER, LumoUtility.Gap.SMALL);

            Div metrics = new Div();
            metrics.setId("behaviour-metrics");
            metrics.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.LARGE);
            for (String key : List.of("accuracy", "precision", "recall", "f1", "rocAuc", "prAuc")) {
                Span value = new Span();
                value.setId("metric-" + key);
                value.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.FontWeight.SEMIBOLD);
                Span label = new Span(getTranslation("behaviour.metric." + key));
                label.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
                Div figure = new Div(label, new Div(value));
                metrics.add(figure);
                figures.put(key, value);
            }

            comparison.removeAllColumns();
            comparison.setId("behaviour-model-comparison");
            comparison.addThemeVariants(GridVariant.LUMO_COMPACT);
            comparison.addColumn(r -> getTranslation("behaviour.model." + r.model())).setHeader(getTranslation("behaviour.propensity.model")).setAutoWidth(true);
            comparison.addColumn(r -> percent(locale, r.metrics().accuracy())).setHeader(getTranslation("behaviour.metric.accuracy"));
            comparison.addColumn(r -> percent(locale, r.metrics().precision())).setHeader(getTranslation("behaviour.metric.precision"));
            comparison.addColumn(r -> percent(locale, r.metrics().recall())).setHeader(getTranslation("behaviour.metric.recall"));
            comparison.addColumn(r -> decimal(locale, r.metrics().f1())).setHeader(getTranslation("behaviour.metric.f1"));
            comparison.addColumn(r -> decimal(locale, r.metrics().rocAuc())).setHeader(getTranslation("behaviour.metric.rocAuc"));
            comparison.addColumn(r -> decimal(locale, r.metrics().prAuc())).setHeader(getTranslation("behaviour.metric.prAuc"));
            comparison.setAllRowsVisible(true);

            ApexChart roc = new ApexChart(rocOptions(current, locale));
            Div rocCard = ChartCards.card("behaviour-roc", roc, 1);
            Div matrixCard = confusionMatrix();
            PropensityDownloads exports = new PropensityDownloads();

            HorizontalLayout controls = new HorizontalLayout(model, threshold);
            controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            controls.getStyle().set("flex-wrap", "wrap");
            results.add(summary, controls, metrics, ChartCards.row(rocCard, matrixCard), comparison, exports);
            updateThresholdFigures();
        }

        private Div confusionMatrix() {
            Div grid = new Div();
            grid.setId("behaviour-confusion");
            grid.getStyle().set("display", "grid").set("grid-template-columns", "auto 1fr 1fr")
                    .set("gap", "var(--lumo-space-s)").set("align-items", "center").set("max-width", "28rem");
            grid.add(new Span(), header("behaviour.cm.predictedBuy"), header("behaviour.cm.predictedNoBuy"));
            grid.add(header("behaviour.cm.actualBuy"), cell("tp"), cell("fn"));
            grid.add(header("behaviour.cm.actualNoBuy"), cell("fp"), cell("tn"));
            H3 title = new H3(getTranslation("behaviour.cm.title"));
            Paragraph note = new Paragraph(getTranslation("behaviour.cm.note"));
            note.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
            return ChartCards.card(1, title, grid, note);
        }

        private Span header(String key) {
            Span header = new Span(getTranslation(key));
            header.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.FontWeight.SEMIBOLD);
            return header;
        }

        private Span cell(String key) {
            Span value = new Span();
            value.setId("cm-" + key);
            value.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.Padding.SMALL, LumoUtility.Background.BASE,
                    LumoUtility.BorderRadius.SMALL, LumoUtility.TextAlignment.CENTER);
            matrix.put(key, value);
            return value;
        }

        /** Everything that depends on the threshold or the chosen model, from the stored held-out scores. */
        private void updateThresholdFigures() {
            PropensityRun current = run;
            Locale locale = getLocale();
            double threshold = thresholdPercent / 100.0;
            thresholdValue.setText(decimal(locale, threshold));
            ClassificationMetrics m = current.metrics(shownModel, threshold);
            figures.get("accuracy").setText(percent(locale, m.accuracy()));
            figures.get("precision").setText(percent(locale, m.precision()));
            figures.get("recall").setText(percent(locale, m.recall()));
            figures.get("f1").setText(decimal(locale, m.f1()));
            figures.get("rocAuc").setText(decimal(locale, m.rocAuc()));
            figures.get("prAuc").setText(decimal(locale, m.prAuc()));
            matrix.get("tp").setText(integer(locale, m.truePositives()));
            matrix.get("fn").setText(integer(locale, m.falseNegatives()));
            matrix.get("fp").setText(integer(locale, m.falsePositives()));
            matrix.get("tn").setText(integer(locale, m.trueNegatives()));
            comparison.setItems(current.modelNames().stream()
                    .map(name -> new ModelRow(name, current.metrics(name, threshold))).toList());
        }
    }

    private record ModelRow(String model, ClassificationMetrics metrics) {
    }

    /** The scored held-out sessions at the model and threshold shown when the link is followed. */
    private final class PropensityDownloads extends HorizontalLayout {

        PropensityDownloads() {
            PropensityRun.ExportLabels labels = new PropensityRun.ExportLabels(getTranslation("behaviour.export.sheet"),
                    getTranslation("behaviour.export.row"), getTranslation("behaviour.export.probability"),
                    getTranslation("behaviour.export.predicted"), getTranslation("behaviour.export.actual"),
                    getTranslation("behaviour.export.purchase"), getTranslation("behaviour.export.noPurchase"));
            add(link("behaviour-export-csv", "behaviour.export.csv", labels, true),
                    link("behaviour-export-xlsx", "behaviour.export.xlsx", labels, false));
        }

        private Anchor link(String id, String textKey, PropensityRun.ExportLabels labels, boolean csv) {
            return ExportLinks.link(id, getTranslation(textKey), "propensity-" + run.datasetId(),
                    csv ? ExportLinks.Format.CSV : ExportLinks.Format.XLSX, () -> exportTable(labels));
        }
    }

    /** The export as it would be downloaded now: the shown model at the chosen threshold. */
    byte[] exportBytes(PropensityRun.ExportLabels labels, boolean csv) {
        return ExportLinks.bytes(exportTable(labels), csv ? ExportLinks.Format.CSV : ExportLinks.Format.XLSX);
    }

    private ExportTable exportTable(PropensityRun.ExportLabels labels) {
        return run.scoredRows(shownModel, thresholdPercent / 100.0, labels);
    }

    private ChartOptions rocOptions(PropensityRun current, Locale locale) {
        List<Series> series = new ArrayList<>();
        for (String model : current.modelNames()) {
            List<ClassificationMetrics.RocPoint> curve = current.metrics(model, 0.5).rocCurve();
            int step = Math.max(1, (int) Math.ceil(curve.size() / (double) MAX_ROC_POINTS));
            List<DataPoint> points = new ArrayList<>();
            for (int i = 0; i < curve.size(); i += step) {
                points.add(DataPoint.xy(curve.get(i).falsePositiveRate(), curve.get(i).truePositiveRate()));
            }
            ClassificationMetrics.RocPoint last = curve.get(curve.size() - 1);
            points.add(DataPoint.xy(last.falsePositiveRate(), last.truePositiveRate()));
            series.add(Series.points(getTranslation("behaviour.model." + model), points));
        }
        series.add(Series.points(getTranslation("behaviour.roc.chance"), List.of(DataPoint.xy(0, 0), DataPoint.xy(1, 1))));
        int[] dashes = new int[series.size()];
        dashes[dashes.length - 1] = 5;
        return ChartOptions.line(series.toArray(Series[]::new))
                .title(getTranslation("behaviour.chart.roc.title"))
                .xAxisType(AxisType.NUMERIC)
                .xAxisTitle(getTranslation("behaviour.axis.fpr"))
                .yAxes(YAxis.titled(getTranslation("behaviour.axis.tpr")).min(0).max(1))
                .dashArray(dashes)
                .valueFormat(ValueFormat.percent()).locale(locale).zoom(false);
    }

    // ---- shared parts -------------------------------------------------------------------------------------

    private Div emptyState(String id, String titleKey, String textKey, boolean linkToData) {
        Div empty = new Div(new H3(getTranslation(titleKey)), new Paragraph(getTranslation(textKey)));
        if (linkToData) {
            empty.add(new Anchor("data", getTranslation("behaviour.empty.link")));
        }
        empty.setId(id);
        empty.addClassNames(LumoUtility.Padding.LARGE, LumoUtility.Background.CONTRAST_5, LumoUtility.BorderRadius.MEDIUM);
        return empty;
    }

    private Div errorState(String message) {
        Div error = new Div(new Paragraph(message));
        error.setId("behaviour-error");
        error.addClassNames(LumoUtility.Padding.LARGE, LumoUtility.TextColor.ERROR);
        return error;
    }

    private static String percent(Locale locale, double fraction) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(fraction);
    }

    private static String decimal(Locale locale, double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(3);
        return format.format(value);
    }

    private static String seconds(Locale locale, long millis) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(millis / 1000.0);
    }

    private static String integer(Locale locale, long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    private static void go(DatasetSummary target, EventFilter targetFilter, TrendGrain targetGrain, String targetSegment) {
        UI.getCurrent().navigate(BehaviourView.class, query(target, targetFilter, targetGrain, targetSegment));
    }

    static QueryParameters query(DatasetSummary target, EventFilter targetFilter, TrendGrain targetGrain,
                                 String targetSegment) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put(DATASET, List.of(String.valueOf(target.id())));
        if (targetFilter.from() != null) {
            parameters.put(FROM, List.of(targetFilter.from().toString()));
        }
        if (targetFilter.to() != null) {
            parameters.put(TO, List.of(targetFilter.to().toString()));
        }
        if (targetFilter.category() != null) {
            parameters.put(CATEGORY, List.of(targetFilter.category()));
        }
        if (targetFilter.minItemViewers() != EventFilter.DEFAULT_MIN_ITEM_VIEWERS) {
            parameters.put(MIN_VIEWERS, List.of(String.valueOf(targetFilter.minItemViewers())));
        }
        if (targetGrain != TrendGrain.DAY) {
            parameters.put(GRAIN, List.of(targetGrain.name().toLowerCase(Locale.ROOT)));
        }
        if (targetSegment != null) {
            parameters.put(SEGMENT, List.of(targetSegment));
        }
        return new QueryParameters(parameters);
    }

    private static Integer positive(String value) {
        try {
            int parsed = value == null ? 0 : Integer.parseInt(value);
            return parsed >= 1 ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
