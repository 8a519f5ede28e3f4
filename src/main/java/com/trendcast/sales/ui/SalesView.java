package com.trendcast.sales.ui;

import com.trendcast.sales.Grain;
import com.trendcast.sales.SalesAnalytics;
import com.trendcast.sales.SalesAnalyticsService;
import com.trendcast.sales.SalesFilter;
import com.trendcast.security.AccessScope;
import com.trendcast.security.CurrentUser;
import com.trendcast.ui.Breadcrumb;
import com.trendcast.ui.ChartCards;
import com.trendcast.ui.DateRangeFields;
import com.trendcast.ui.Formats;
import com.trendcast.ui.KpiCard;
import com.trendcast.ui.MainLayout;
import com.trendcast.ui.QueryParams;
import com.trendcast.ui.ViewLoader;
import com.trendcast.ui.chart.ApexChart;
import com.trendcast.ui.chart.AxisType;
import com.trendcast.ui.chart.ChartOptions;
import com.trendcast.ui.chart.DataPoint;
import com.trendcast.ui.chart.Series;
import com.trendcast.ui.chart.ValueFormat;
import com.trendcast.ui.chart.YAxis;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sales analytics with drill-down. The whole state (range, drill path, region, channel, grain)
 * lives in the URL query, so a link reproduces the view and the browser's back button goes back
 * up a level: every change navigates to a new URL and the view renders from it. The queries run in the
 * background ({@link ViewLoader}); the previous state stays on screen until the new one arrives.
 */
@Route(value = "sales", layout = MainLayout.class)
@PageTitle("Sales · Trendcast")
@PermitAll
public class SalesView extends VerticalLayout implements BeforeEnterObserver {

    static final String FROM = "from";
    static final String TO = "to";
    static final String CATEGORY = "cat";
    static final String REGION = "region";
    static final String CHANNEL = "channel";
    static final String GRAIN = "grain";
    private static final int TOP_PRODUCTS = 10;

    private final SalesAnalyticsService analytics;
    private final ViewLoader loader;
    private final AccessScope scope;
    private final ProgressBar loading = ViewLoader.indicator("sales-loading");
    private final VerticalLayout content = new VerticalLayout();
    private SalesAnalyticsService.FilterOptions options;
    private SalesFilter filter = SalesFilter.all();
    private Grain grain = Grain.WEEK;

    public SalesView(SalesAnalyticsService analytics, ViewLoader loader, CurrentUser currentUser) {
        this.analytics = analytics;
        this.loader = loader;
        this.scope = currentUser.scope();
        setPadding(true);
        content.setPadding(false);
        content.setWidthFull();
        add(new H2(getTranslation("sales.title")), loading, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParams query = QueryParams.of(event);
        List<String> path = query.all(CATEGORY);
        QueryParams.DateRange range = query.dateRange(FROM, TO);
        filter = new SalesFilter(range.from(), range.to(),
                path.size() > SalesFilter.MAX_DEPTH ? path.subList(0, SalesFilter.MAX_DEPTH) : path,
                query.first(REGION), query.first(CHANNEL));
        grain = parseGrain(query.first(GRAIN));
        SalesFilter requested = filter;
        SalesAnalyticsService.FilterOptions known = options;
        loader.load(this, loading, () -> new Loaded(known != null ? known : analytics.filterOptions(scope),
                analytics.analyse(scope, requested, TOP_PRODUCTS)), this::render);
    }

    private record Loaded(SalesAnalyticsService.FilterOptions options, SalesAnalytics result) {
    }

    private void render(Loaded loaded) {
        options = loaded.options();
        SalesAnalytics result = loaded.result();
        content.removeAll();
        content.add(filters(result), breadcrumb());
        if (result.isEmpty()) {
            Div empty = new Div(new H3(getTranslation("sales.empty.title")), new Paragraph(getTranslation("sales.empty.text")));
            empty.setId("sales-empty");
            empty.addClassNames(LumoUtility.Padding.LARGE, LumoUtility.Background.CONTRAST_5, LumoUtility.BorderRadius.MEDIUM);
            content.add(empty);
            return;
        }
        Locale locale = getLocale();
        content.add(kpis(result, locale));
        content.add(ChartCards.row(ChartCards.card("sales-trend", trend(result, locale), 2),
                ChartCards.card("sales-breakdown", breakdown(result, locale), 1)));
        content.add(ChartCards.row(ChartCards.card("sales-top-products", topProducts(result, locale), 1),
                ChartCards.card("sales-yoy", yearOverYear(result, locale), 1)));
        if (result.promotionRevenue() > 0) {
            content.add(ChartCards.row(ChartCards.card("sales-heatmap", heatmap(result, locale), 2),
                    ChartCards.card("sales-promotion", promotion(result, locale), 1)));
        } else {
            content.add(ChartCards.row(ChartCards.card("sales-heatmap", heatmap(result, locale), 1)));
        }
    }

    private Component filters(SalesAnalytics result) {
        DateRangeFields range = new DateRangeFields("sales", getTranslation("sales.filter.from"), result.from(),
                getTranslation("sales.filter.to"), result.to(), (from, to) -> go(filter.withRange(from, to), grain));
        ComboBox<String> region = choice("sales-region", "sales.filter.region", options.regions(), filter.region());
        region.addValueChangeListener(e -> go(new SalesFilter(filter.from(), filter.to(), filter.categoryPath(),
                e.getValue(), filter.channel()), grain));
        ComboBox<String> channel = choice("sales-channel", "sales.filter.channel", options.channels(), filter.channel());
        channel.addValueChangeListener(e -> go(new SalesFilter(filter.from(), filter.to(), filter.categoryPath(),
                filter.region(), e.getValue()), grain));
        RadioButtonGroup<Grain> grainChoice = new RadioButtonGroup<>(getTranslation("sales.filter.grain"));
        grainChoice.setId("sales-grain");
        grainChoice.setItems(Grain.values());
        grainChoice.setItemLabelGenerator(g -> getTranslation("sales.grain." + g.name()));
        grainChoice.setValue(grain);
        grainChoice.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                go(filter, e.getValue());
            }
        });
        HorizontalLayout bar = new HorizontalLayout(range.from(), range.to(), region, channel, grainChoice);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        return bar;
    }

    private ComboBox<String> choice(String id, String labelKey, List<String> items, String value) {
        ComboBox<String> box = new ComboBox<>(getTranslation(labelKey));
        box.setId(id);
        box.setItems(items);
        box.setClearButtonVisible(true);
        box.setPlaceholder(getTranslation("sales.filter.all"));
        box.setValue(value);
        box.setEnabled(!items.isEmpty());
        return box;
    }

    private Component breadcrumb() {
        return new Breadcrumb("sales-breadcrumb", getTranslation("sales.breadcrumb.all"), filter.categoryPath(),
                path -> go(filter.withPath(path), grain));
    }

    private Component kpis(SalesAnalytics result, Locale locale) {
        SalesAnalytics.Totals previous = result.previous();
        Div cards = new Div(
                kpi(locale, "sales.kpi.revenue", result.current().revenue(), previous == null ? null : previous.revenue()),
                kpi(locale, "sales.kpi.units", result.current().units(), previous == null ? null : previous.units()),
                kpi(locale, "sales.kpi.orders", result.current().orders(), previous == null ? null : (double) previous.orders()));
        cards.setId("sales-kpis");
        cards.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.MEDIUM);
        cards.setWidthFull();
        return cards;
    }

    private KpiCard kpi(Locale locale, String key, double current, Double previous) {
        Double change = previous == null || previous == 0 ? null : (current - previous) / previous;
        String comparison = change == null ? getTranslation("sales.kpi.noPrevious")
                : getTranslation("sales.kpi.vsPrevious", Formats.signedPercent(locale, change));
        return new KpiCard(getTranslation(key), Formats.compact(locale, current), comparison, change);
    }

    private ApexChart trend(SalesAnalytics result, Locale locale) {
        List<DataPoint> revenue = new ArrayList<>();
        List<DataPoint> units = new ArrayList<>();
        for (SalesAnalytics.Period period : result.periods(grain)) {
            revenue.add(DataPoint.on(period.day(), period.revenue()));
            units.add(DataPoint.on(period.day(), period.units()));
        }
        String revenueName = getTranslation("sales.series.revenue");
        String unitsName = getTranslation("sales.series.units");
        return new ApexChart(ChartOptions.line(Series.points(revenueName, revenue), Series.points(unitsName, units))
                .title(getTranslation("sales.chart.trend." + grain.name()))
                .xAxisType(AxisType.DATETIME)
                .yAxes(YAxis.titled(revenueName).seriesName(revenueName),
                        YAxis.titled(unitsName).seriesName(unitsName).opposite(true))
                .valueFormat(ValueFormat.compact()).locale(locale).zoom(true));
    }

    private ApexChart breakdown(SalesAnalytics result, Locale locale) {
        List<SalesAnalytics.Slice> slices = result.breakdown();
        boolean products = result.breakdownIsProducts();
        ChartOptions options = ChartOptions.column(Series.of(getTranslation("sales.series.revenue"),
                        slices.stream().map(SalesAnalytics.Slice::revenue).toList()))
                .categories(slices.stream().map(slice -> ChartCards.shorten(slice.label())).toList())
                .title(getTranslation(products ? "sales.chart.breakdown.products" : "sales.chart.breakdown.title"))
                .yAxisTitle(getTranslation("sales.series.revenue"))
                .valueFormat(ValueFormat.compact()).locale(locale).distributed(true).legend(false);
        if (!products) {
            options.subtitle(getTranslation("sales.chart.breakdown.hint"));
        }
        ApexChart chart = new ApexChart(options);
        if (!products) {
            chart.addDataPointClickListener(e -> {
                if (e.getDataPointIndex() >= 0 && e.getDataPointIndex() < slices.size()) {
                    List<String> path = new ArrayList<>(filter.categoryPath());
                    path.add(slices.get(e.getDataPointIndex()).key());
                    go(filter.withPath(path), grain);
                }
            });
        }
        return chart;
    }

    private ApexChart topProducts(SalesAnalytics result, Locale locale) {
        List<SalesAnalytics.Slice> top = result.topProducts();
        return new ApexChart(ChartOptions.bar(Series.of(getTranslation("sales.series.revenue"),
                        top.stream().map(SalesAnalytics.Slice::revenue).toList()))
                .categories(top.stream().map(p -> ChartCards.shorten(p.label())).toList())
                .title(getTranslation("sales.chart.top.title", TOP_PRODUCTS))
                .xAxisTitle(getTranslation("sales.series.revenue"))
                .valueFormat(ValueFormat.compact()).locale(locale).legend(false));
    }

    private ApexChart yearOverYear(SalesAnalytics result, Locale locale) {
        List<String> months = result.yearOverYear().stream()
                .map(m -> m.month().getMonth().getDisplayName(TextStyle.SHORT, locale) + " " + m.month().getYear()).toList();
        return new ApexChart(ChartOptions.column(
                        Series.of(getTranslation("sales.series.thisYear"),
                                result.yearOverYear().stream().map(SalesAnalytics.MonthOverYear::revenue).toList()),
                        Series.of(getTranslation("sales.series.previousYear"),
                                result.yearOverYear().stream().map(SalesAnalytics.MonthOverYear::previousYearRevenue).toList()))
                .categories(months)
                .title(getTranslation("sales.chart.yoy.title"))
                .yAxisTitle(getTranslation("sales.series.revenue"))
                .valueFormat(ValueFormat.compact()).locale(locale));
    }

    private ApexChart heatmap(SalesAnalytics result, Locale locale) {
        Series[] rows = new Series[7];
        double[][] revenue = result.weekdayByMonthRevenue();
        for (int weekday = 6; weekday >= 0; weekday--) {
            List<DataPoint> cells = new ArrayList<>();
            for (int month = 0; month < 12; month++) {
                cells.add(DataPoint.of(Month.of(month + 1).getDisplayName(TextStyle.SHORT, locale),
                        revenue[weekday][month]));
            }
            rows[6 - weekday] = Series.points(DayOfWeek.of(weekday + 1).getDisplayName(TextStyle.SHORT, locale), cells);
        }
        return new ApexChart(ChartOptions.heatmap(rows)
                .title(getTranslation("sales.chart.heatmap.title"))
                .valueFormat(ValueFormat.compact()).locale(locale).legend(false));
    }

    private ApexChart promotion(SalesAnalytics result, Locale locale) {
        return new ApexChart(ChartOptions.donut(
                        List.of(getTranslation("sales.promo.with"), getTranslation("sales.promo.without")),
                        List.of(result.promotionRevenue(), result.regularRevenue()))
                .title(getTranslation("sales.chart.promo.title"))
                .valueFormat(ValueFormat.compact()).locale(locale)
                .donutTotal(getTranslation("sales.promo.total")));
    }

    /** Navigates to the URL of the given state; the history entry is what lets "back" go up a level. */
    private static void go(SalesFilter target, Grain targetGrain) {
        UI.getCurrent().navigate(SalesView.class, query(target, targetGrain));
    }

    static QueryParameters query(SalesFilter target, Grain targetGrain) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (target.from() != null) {
            parameters.put(FROM, List.of(target.from().toString()));
        }
        if (target.to() != null) {
            parameters.put(TO, List.of(target.to().toString()));
        }
        if (!target.categoryPath().isEmpty()) {
            parameters.put(CATEGORY, target.categoryPath());
        }
        if (target.region() != null) {
            parameters.put(REGION, List.of(target.region()));
        }
        if (target.channel() != null) {
            parameters.put(CHANNEL, List.of(target.channel()));
        }
        if (targetGrain != Grain.WEEK) {
            parameters.put(GRAIN, List.of(targetGrain.name().toLowerCase(Locale.ROOT)));
        }
        return new QueryParameters(parameters);
    }

    private static Grain parseGrain(String value) {
        for (Grain candidate : Grain.values()) {
            if (candidate.name().equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        return Grain.WEEK;
    }
}
