package com.trendcast.ui.chart;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The options of one {@link ApexChart}: a typed subset of the ApexCharts options object.
 * <p>
 * Start from a factory such as {@link #line(Series...)} or {@link #forecastBand(Series, Series...)},
 * then refine with the fluent setters. Field names follow the ApexCharts option names, because the
 * object is serialised field by field; unset options are left out so ApexCharts keeps its defaults.
 */
public final class ChartOptions {

    /**
     * Okabe-Ito colours, ordered so the first few stay apart for colour-blind readers;
     * its yellow and black come last because they read poorly as thin lines.
     */
    public static final List<String> DEFAULT_PALETTE = List.of(
            "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000");

    /** Fonts with CJK glyphs first, so Chinese labels never fall back to boxes. */
    public static final String DEFAULT_FONT_FAMILY =
            "\"Noto Sans CJK SC\", \"Microsoft YaHei\", \"PingFang SC\", system-ui, sans-serif";

    /** A light tint of the palette's blue: the interval band behind a forecast line. */
    static final String FORECAST_BAND_COLOR = "#56B4E9";

    private static final double FORECAST_BAND_OPACITY = 0.24;

    private static final ObjectMapper JSON = new ObjectMapper()
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

    /** Where the legend sits. */
    public enum LegendPosition {
        TOP, RIGHT, BOTTOM, LEFT;

        @JsonValue
        String apexName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How lines connect their points. */
    public enum Curve {
        STRAIGHT("straight"), SMOOTH("smooth"), STEPLINE("stepline"), MONOTONE_CUBIC("monotoneCubic");

        private final String apexName;

        Curve(String apexName) {
            this.apexName = apexName;
        }

        @JsonValue
        String apexName() {
            return apexName;
        }
    }

    /** How areas, bars and slices are filled. */
    public enum FillType {
        SOLID, GRADIENT, PATTERN;

        @JsonValue
        String apexName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Chart chart = new Chart();
    /** {@link Series} objects for axis charts, plain numbers for a donut. */
    private List<?> series;
    private List<String> labels;
    private XAxis xaxis;
    private List<YAxis> yaxis;
    private Text title;
    private Text subtitle;
    private Legend legend;
    private List<String> colors;
    private Stroke stroke;
    private Fill fill;
    private Toggle dataLabels;
    private PlotOptions plotOptions;
    private Tooltip tooltip;
    private Text noData;
    private Markers markers;
    private Grid grid;
    private ValueFormat yFormat;
    private String locale;

    private ChartOptions(ChartType type) {
        chart.type = type;
        chart.fontFamily = DEFAULT_FONT_FAMILY;
        colors = DEFAULT_PALETTE;
    }

    /** A line chart; put categories on the x-axis with {@link #categories(List)} or dated points in the series. */
    public static ChartOptions line(Series... series) {
        return new ChartOptions(ChartType.LINE).axisSeries(series).dataLabels(false).curve(Curve.STRAIGHT);
    }

    /** An area chart: a line chart with the area below each line filled. */
    public static ChartOptions area(Series... series) {
        return new ChartOptions(ChartType.AREA).axisSeries(series).dataLabels(false).curve(Curve.STRAIGHT);
    }

    /** Vertical columns; call {@link #stacked(boolean)} to stack the series. */
    public static ChartOptions column(Series... series) {
        ChartOptions options = new ChartOptions(ChartType.BAR).axisSeries(series).dataLabels(false);
        options.bar().horizontal = false;
        return options;
    }

    /** Horizontal bars, e.g. a top-N ranking; the categories run down the y-axis. */
    public static ChartOptions bar(Series... series) {
        ChartOptions options = new ChartOptions(ChartType.BAR).axisSeries(series).dataLabels(false);
        options.bar().horizontal = true;
        return options;
    }

    /**
     * A heatmap: each series is one row, its {@link DataPoint#of(String, Number)} points the cells.
     * All rows share the first palette colour so shade, not hue, carries the value.
     */
    public static ChartOptions heatmap(Series... rows) {
        return new ChartOptions(ChartType.HEATMAP).axisSeries(rows).colors(DEFAULT_PALETTE.get(0));
    }

    /** A donut of shares: one slice per label. */
    public static ChartOptions donut(List<String> labels, List<? extends Number> values) {
        if (labels.size() != values.size()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + values.size() + " values");
        }
        ChartOptions options = new ChartOptions(ChartType.DONUT);
        options.labels = List.copyOf(labels);
        options.series = List.copyOf(values);
        return options;
    }

    /**
     * A forecast on a datetime axis: an interval band (a {@link Series#ranges} series) behind lines such
     * as the history and the point forecast. Lines without an explicit type are drawn as lines.
     */
    public static ChartOptions forecastBand(Series band, Series... lines) {
        if (band.type() != SeriesType.RANGE_AREA) {
            throw new IllegalArgumentException("the band must be a Series.ranges(...) series");
        }
        List<Series> all = new ArrayList<>();
        all.add(band);
        for (Series line : lines) {
            all.add(line.type() == null ? line.withType(SeriesType.LINE) : line);
        }
        ChartOptions options = new ChartOptions(ChartType.RANGE_AREA)
                .axisSeries(all.toArray(Series[]::new))
                .xAxisType(AxisType.DATETIME)
                .dataLabels(false)
                .curve(Curve.STRAIGHT)
                .sharedTooltip(true);
        List<String> colors = new ArrayList<>();
        colors.add(FORECAST_BAND_COLOR);
        DEFAULT_PALETTE.stream().filter(color -> !color.equals(FORECAST_BAND_COLOR)).forEach(colors::add);
        options.colors = List.copyOf(colors);

        int[] widths = new int[all.size()];
        double[] opacities = new double[all.size()];
        Arrays.fill(widths, 2);
        Arrays.fill(opacities, 1);
        widths[0] = 0;
        opacities[0] = FORECAST_BAND_OPACITY;
        return options.strokeWidth(widths).fillOpacity(opacities);
    }

    /** Serialises these options to the JSON the {@code apex-chart} element expects. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart options are not serialisable", e);
        }
    }

    /** The JSON form, for logs and debugging. */
    @Override
    public String toString() {
        return toJson();
    }

    /** Stacks bar, column or area series on top of each other. */
    public ChartOptions stacked(boolean stacked) {
        chart.stacked = stacked;
        return this;
    }

    /** Lets users zoom into an x-range (drag or toolbar); on by default for datetime axes. */
    public ChartOptions zoom(boolean enabled) {
        chart.zoom = new Toggle(enabled);
        return this;
    }

    /** Shows or hides the toolbar with the download menu and zoom tools. */
    public ChartOptions toolbar(boolean show) {
        chart.toolbar = new Shown(show);
        return this;
    }

    /** Animations are pleasant once but distracting for dashboards that refresh. */
    public ChartOptions animations(boolean enabled) {
        chart.animations = new Toggle(enabled);
        return this;
    }

    /** Replaces the default CJK-capable font stack. */
    public ChartOptions fontFamily(String fontFamily) {
        chart.fontFamily = fontFamily;
        return this;
    }

    /** Category x-axis with these labels, one per value of each {@link Series#of} series. */
    public ChartOptions categories(List<String> categories) {
        xaxis().type = AxisType.CATEGORY;
        xaxis().categories = List.copyOf(categories);
        return this;
    }

    public ChartOptions xAxisType(AxisType type) {
        xaxis().type = type;
        return this;
    }

    /** The x-axis title; include the unit where there is one. */
    public ChartOptions xAxisTitle(String title) {
        xaxis().title = new Text(title);
        return this;
    }

    /** Label pattern for a datetime x-axis in ApexCharts' syntax, e.g. {@code "yyyy-MM-dd"} or {@code "MM-dd"}. */
    public ChartOptions xAxisLabelFormat(String format) {
        xaxis().labels = new XAxisLabels(format);
        return this;
    }

    /** Titles the (first) y-axis; include the unit, e.g. {@code "销量 (件)"}. */
    public ChartOptions yAxisTitle(String title) {
        if (yaxis == null) {
            yaxis = new ArrayList<>(List.of(new YAxis()));
        }
        yaxis.get(0).title(title);
        return this;
    }

    /** Replaces the y-axes; give several, each with {@link YAxis#seriesName}, for series with different units. */
    public ChartOptions yAxes(YAxis... axes) {
        yaxis = new ArrayList<>(List.of(axes));
        return this;
    }

    public ChartOptions title(String title) {
        this.title = new Text(title);
        return this;
    }

    public ChartOptions subtitle(String subtitle) {
        this.subtitle = new Text(subtitle);
        return this;
    }

    public ChartOptions legend(boolean show) {
        legend().show = show;
        return this;
    }

    public ChartOptions legendPosition(LegendPosition position) {
        legend().position = position;
        return this;
    }

    /** Series colours in series order (slice order for a donut), as CSS colours. */
    public ChartOptions colors(String... colors) {
        this.colors = List.of(colors);
        return this;
    }

    public ChartOptions curve(Curve curve) {
        stroke().curve = curve;
        return this;
    }

    /** Line widths in pixels: one for all series, or one per series. */
    public ChartOptions strokeWidth(int... widths) {
        stroke().width = scalarOrList(Arrays.stream(widths).boxed().toList());
        return this;
    }

    /** Dash lengths in pixels (0 = solid): one for all series, or one per series, e.g. a dashed forecast. */
    public ChartOptions dashArray(int... dashes) {
        stroke().dashArray = scalarOrList(Arrays.stream(dashes).boxed().toList());
        return this;
    }

    public ChartOptions fillType(FillType type) {
        fill().type = type;
        return this;
    }

    /** Fill opacities from 0 to 1: one for all series, or one per series. */
    public ChartOptions fillOpacity(double... opacities) {
        fill().opacity = scalarOrList(Arrays.stream(opacities).boxed().toList());
        return this;
    }

    /** Values printed on the points, bars or cells. */
    public ChartOptions dataLabels(boolean enabled) {
        dataLabels = new Toggle(enabled);
        return this;
    }

    /** Gives every bar of a single series its own palette colour. */
    public ChartOptions distributed(boolean distributed) {
        bar().distributed = distributed;
        return this;
    }

    /** Width of each column group as a share of the category slot, e.g. {@code "60%"}. */
    public ChartOptions columnWidth(String width) {
        bar().columnWidth = width;
        return this;
    }

    /** Colours heatmap cells by fixed value bands instead of shades of one colour. */
    public ChartOptions colorScale(ColorRange... ranges) {
        plotOptions().heatmap = new Heatmap(new ColorScale(List.of(ranges)));
        return this;
    }

    /** Shows the sum of all slices in the donut hole under {@code label}, e.g. {@code "合计"}. */
    public ChartOptions donutTotal(String label) {
        plotOptions().pie = new Pie(new Donut(new DonutLabels(true, new DonutTotal(true, label))));
        return this;
    }

    /** One tooltip listing every series at the hovered x, instead of one per point. */
    public ChartOptions sharedTooltip(boolean shared) {
        tooltip().shared = shared;
        // ApexCharts requires intersect off for a shared tooltip and warns otherwise
        tooltip().intersect = shared ? Boolean.FALSE : null;
        return this;
    }

    /** Date pattern for the tooltip header on a datetime x-axis, e.g. {@code "yyyy-MM-dd"}. */
    public ChartOptions tooltipDateFormat(String format) {
        tooltip().x = new TooltipX(format);
        return this;
    }

    /** The message shown instead of an empty chart. */
    public ChartOptions noDataText(String text) {
        noData = new Text(text);
        return this;
    }

    /** Point marker radius in pixels; 0 draws markers only on hover. */
    public ChartOptions markerSize(int size) {
        markers = new Markers(size);
        return this;
    }

    /** Shows or hides the background grid lines. */
    public ChartOptions grid(boolean show) {
        grid().show = show;
        return this;
    }

    /** Grid line colour and dash length in pixels (0 = solid). */
    public ChartOptions gridStyle(String borderColor, int strokeDashArray) {
        grid().borderColor = borderColor;
        grid().strokeDashArray = strokeDashArray;
        return this;
    }

    /** Formats values on the value axis, in tooltips and in data labels (donut: centre labels and tooltips). */
    public ChartOptions valueFormat(ValueFormat format) {
        yFormat = format;
        return this;
    }

    /** Locale for number formats and for month and day names on datetime axes, e.g. {@link Locale#CHINA}. */
    public ChartOptions locale(Locale locale) {
        this.locale = locale.toLanguageTag();
        return this;
    }

    private ChartOptions axisSeries(Series... series) {
        this.series = List.of(series);
        return this;
    }

    /** ApexCharts applies a single value to every series but reads a list position by position. */
    private static Object scalarOrList(List<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("at least one value is required");
        }
        return values.size() == 1 ? values.get(0) : Collections.unmodifiableList(values);
    }

    private XAxis xaxis() {
        return xaxis == null ? xaxis = new XAxis() : xaxis;
    }

    private Legend legend() {
        return legend == null ? legend = new Legend() : legend;
    }

    private Stroke stroke() {
        return stroke == null ? stroke = new Stroke() : stroke;
    }

    private Fill fill() {
        return fill == null ? fill = new Fill() : fill;
    }

    private PlotOptions plotOptions() {
        return plotOptions == null ? plotOptions = new PlotOptions() : plotOptions;
    }

    private Bar bar() {
        PlotOptions plot = plotOptions();
        return plot.bar == null ? plot.bar = new Bar() : plot.bar;
    }

    private Tooltip tooltip() {
        return tooltip == null ? tooltip = new Tooltip() : tooltip;
    }

    private Grid grid() {
        return grid == null ? grid = new Grid() : grid;
    }

    private static final class Chart {
        private ChartType type;
        private Boolean stacked;
        private String fontFamily;
        private Toggle zoom;
        private Shown toolbar;
        private Toggle animations;
    }

    private static final class XAxis {
        private AxisType type;
        private List<String> categories;
        private Text title;
        private XAxisLabels labels;
    }

    private record XAxisLabels(String format) {
    }

    private static final class Legend {
        private Boolean show;
        private LegendPosition position;
    }

    private static final class Stroke {
        private Curve curve;
        private Object width;
        private Object dashArray;
    }

    private static final class Fill {
        private FillType type;
        private Object opacity;
    }

    private static final class PlotOptions {
        private Bar bar;
        private Heatmap heatmap;
        private Pie pie;
    }

    private static final class Bar {
        private Boolean horizontal;
        private Boolean distributed;
        private String columnWidth;
    }

    private record Heatmap(ColorScale colorScale) {
    }

    private record ColorScale(List<ColorRange> ranges) {
    }

    private record Pie(Donut donut) {
    }

    private record Donut(DonutLabels labels) {
    }

    private record DonutLabels(boolean show, DonutTotal total) {
    }

    private record DonutTotal(boolean show, String label) {
    }

    private static final class Tooltip {
        private Boolean shared;
        private Boolean intersect;
        private TooltipX x;
    }

    private record TooltipX(String format) {
    }

    private record Markers(int size) {
    }

    private static final class Grid {
        private Boolean show;
        private String borderColor;
        private Integer strokeDashArray;
    }

    private record Toggle(boolean enabled) {
    }

    private record Shown(boolean show) {
    }
}
