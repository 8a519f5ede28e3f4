package com.trendcast.overview.ui;

import com.trendcast.sales.SalesOverview;
import com.trendcast.ui.chart.ApexChart;
import com.trendcast.ui.chart.AxisType;
import com.trendcast.ui.chart.ChartOptions;
import com.trendcast.ui.chart.DataPoint;
import com.trendcast.ui.chart.Series;
import com.trendcast.ui.chart.ValueFormat;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The overview's charts, built from one {@link SalesOverview}. */
final class OverviewCharts {

    /** More lines than this make the weekly trend unreadable; the rest stay in the bar chart. */
    private static final int TREND_CATEGORIES = 6;

    private OverviewCharts() {
    }

    static Div weeklyTrend(Component view, Locale locale, SalesOverview overview) {
        List<String> shown = overview.topCategories().stream().limit(TREND_CATEGORIES)
                .map(SalesOverview.CategoryTotal::category).toList();
        Map<String, List<DataPoint>> byCategory = new LinkedHashMap<>();
        shown.forEach(category -> byCategory.put(category, new ArrayList<>()));
        for (SalesOverview.CategoryWeek week : overview.weeklyRevenue()) {
            List<DataPoint> points = byCategory.get(week.category());
            if (points != null) {
                points.add(DataPoint.on(week.weekStart(), week.revenue()));
            }
        }
        Series[] series = byCategory.entrySet().stream()
                .map(e -> Series.points(e.getKey(), e.getValue())).toArray(Series[]::new);
        ChartOptions options = ChartOptions.line(series)
                .title(view.getTranslation("overview.chart.trend.title"))
                .xAxisType(AxisType.DATETIME)
                .xAxisTitle(view.getTranslation("overview.chart.trend.xaxis"))
                .yAxisTitle(view.getTranslation("overview.chart.trend.yaxis"))
                .valueFormat(ValueFormat.compact())
                .locale(locale)
                .markerSize(3);
        return card("overview-trend", options);
    }

    static Div topCategories(Component view, Locale locale, SalesOverview overview) {
        List<String> categories = overview.topCategories().stream().map(SalesOverview.CategoryTotal::category).toList();
        List<Double> revenue = overview.topCategories().stream().map(SalesOverview.CategoryTotal::revenue).toList();
        ChartOptions options = ChartOptions.bar(Series.of(view.getTranslation("overview.chart.top.yaxis"), revenue))
                .categories(categories)
                .title(view.getTranslation("overview.chart.top.title", overview.days()))
                .valueFormat(ValueFormat.compact())
                .locale(locale)
                .legend(false);
        return card("overview-top-categories", options);
    }

    private static Div card(String id, ChartOptions options) {
        ApexChart chart = new ApexChart(options);
        chart.setId(id);
        chart.setHeight("340px");
        Div card = new Div(chart);
        card.addClassName("chart-card");
        card.getStyle().set("flex", "1 1 32rem").set("min-width", "20rem");
        return card;
    }
}
