package com.trendcast.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ChartOptionsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);
    private static final long DAY_MILLIS = 1_740_787_200_000L;

    @Test
    void forecastBandDrawsTheIntervalAsRangeAreaBehindTheLines() {
        JsonNode json = json(forecast());

        assertThat(json.at("/chart/type").asText()).isEqualTo("rangeArea");
        assertThat(json.at("/xaxis/type").asText()).isEqualTo("datetime");

        JsonNode band = json.at("/series/0");
        assertThat(band.get("type").asText()).isEqualTo("rangeArea");
        assertThat(band.get("name").asText()).isEqualTo("80% 区间");
        assertThat(band.at("/data/0/x").asLong()).isEqualTo(DAY_MILLIS);
        assertThat(band.at("/data/0/y")).extracting(JsonNode::asDouble).containsExactly(90.0, 130.0);

        assertThat(json.at("/series/1/type").asText()).isEqualTo("line");
        assertThat(json.at("/series/1/data/0/y").asDouble()).isEqualTo(110.0);
        assertThat(json.at("/series/2/type").asText()).isEqualTo("line");
    }

    @Test
    void forecastBandHasNoOutlineAndATranslucentFill() {
        JsonNode json = json(forecast());

        assertThat(json.at("/stroke/width")).extracting(JsonNode::asInt).containsExactly(0, 2, 2);
        assertThat(json.at("/fill/opacity")).extracting(JsonNode::asDouble).containsExactly(0.24, 1.0, 1.0);
        assertThat(json.get("colors")).extracting(JsonNode::asText)
                .startsWith(ChartOptions.FORECAST_BAND_COLOR)
                .containsOnlyOnce(ChartOptions.FORECAST_BAND_COLOR);
        assertThat(json.at("/tooltip/shared").asBoolean()).isTrue();
        assertThat(json.at("/tooltip/intersect").asBoolean(true)).isFalse();
    }

    @Test
    void forecastBandKeepsAnExplicitLineType() {
        ChartOptions options = ChartOptions.forecastBand(band(),
                Series.points("历史", List.of(DataPoint.on(DAY, 1))).withType(SeriesType.AREA));

        assertThat(json(options).at("/series/1/type").asText()).isEqualTo("area");
    }

    @Test
    void forecastBandNeedsARangeSeriesAsBand() {
        Series notARange = Series.points("预测", List.of(DataPoint.on(DAY, 1)));

        assertThatThrownBy(() -> ChartOptions.forecastBand(notARange))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noFactoryWritesNulls() {
        Stream.of(forecast(), lineByWeek(), stackedColumn(), ChartOptions.bar(Series.of("GMV", List.of(1, 2))),
                        heatmap(), donut(), ChartOptions.line().yAxes(YAxis.titled("GMV"), new YAxis()))
                .map(ChartOptionsTest::json)
                .forEach(json -> assertThat(nullsIn(json)).as(json.toString()).isEmpty());
    }

    @Test
    void everyChartGetsTheCjkFontStackAndTheDefaultPalette() {
        JsonNode json = json(lineByWeek());

        assertThat(json.at("/chart/fontFamily").asText())
                .startsWith("\"Noto Sans CJK SC\", \"Microsoft YaHei\", \"PingFang SC\"");
        assertThat(json.get("colors")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(ChartOptions.DEFAULT_PALETTE);
    }

    @Test
    void lineOnCategoriesCarriesLabelsTitlesAndASingleStrokeWidth() {
        JsonNode json = json(lineByWeek()
                .title("周销量")
                .subtitle("华东区")
                .xAxisTitle("周")
                .yAxisTitle("销量 (件)")
                .legendPosition(ChartOptions.LegendPosition.BOTTOM)
                .strokeWidth(3)
                .dashArray(0, 5));

        assertThat(json.at("/chart/type").asText()).isEqualTo("line");
        assertThat(json.at("/xaxis/type").asText()).isEqualTo("category");
        assertThat(json.at("/xaxis/categories")).extracting(JsonNode::asText).containsExactly("W1", "W2", "W3");
        assertThat(json.at("/series/0/data")).extracting(JsonNode::asInt).containsExactly(5, 8, 13);
        assertThat(json.at("/title/text").asText()).isEqualTo("周销量");
        assertThat(json.at("/subtitle/text").asText()).isEqualTo("华东区");
        assertThat(json.at("/xaxis/title/text").asText()).isEqualTo("周");
        assertThat(json.at("/yaxis/0/title/text").asText()).isEqualTo("销量 (件)");
        assertThat(json.at("/legend/position").asText()).isEqualTo("bottom");
        assertThat(json.at("/dataLabels/enabled").asBoolean(true)).isFalse();
        assertThat(json.at("/stroke/curve").asText()).isEqualTo("straight");
        assertThat(json.at("/stroke/width").isInt()).isTrue();
        assertThat(json.at("/stroke/dashArray")).extracting(JsonNode::asInt).containsExactly(0, 5);
    }

    @Test
    void stackedColumnIsAVerticalStackedBarChart() {
        JsonNode json = json(stackedColumn());

        assertThat(json.at("/chart/type").asText()).isEqualTo("bar");
        assertThat(json.at("/chart/stacked").asBoolean()).isTrue();
        assertThat(json.at("/plotOptions/bar/horizontal").asBoolean(true)).isFalse();
        assertThat(json.at("/plotOptions/bar/columnWidth").asText()).isEqualTo("60%");
        assertThat(json.get("series")).extracting(series -> series.get("name").asText())
                .containsExactly("线上", "线下");
    }

    @Test
    void barIsHorizontal() {
        JsonNode json = json(ChartOptions.bar(Series.of("GMV", List.of(3, 2, 1))).distributed(true));

        assertThat(json.at("/plotOptions/bar/horizontal").asBoolean()).isTrue();
        assertThat(json.at("/plotOptions/bar/distributed").asBoolean()).isTrue();
    }

    @Test
    void heatmapSendsOneSeriesPerRowWithCategoryCells() {
        JsonNode json = json(heatmap().colorScale(new ColorRange(0, 10, "#D55E00", "低"),
                new ColorRange(10, 100, "#009E73", null)));

        assertThat(json.at("/chart/type").asText()).isEqualTo("heatmap");
        assertThat(json.get("series")).extracting(row -> row.get("name").asText()).containsExactly("周一", "周二");
        assertThat(json.at("/series/1/data/0/x").asText()).isEqualTo("上午");
        assertThat(json.at("/series/1/data/0/y").asInt()).isEqualTo(7);
        assertThat(json.get("colors")).hasSize(1);
        assertThat(json.at("/plotOptions/heatmap/colorScale/ranges/0/name").asText()).isEqualTo("低");
        assertThat(json.at("/plotOptions/heatmap/colorScale/ranges/1/to").asDouble()).isEqualTo(100.0);
        assertThat(json.at("/plotOptions/heatmap/colorScale/ranges/1").has("name")).isFalse();
    }

    @Test
    void donutSendsPlainNumbersAndLabels() {
        JsonNode json = json(donut().donutTotal("合计"));

        assertThat(json.at("/chart/type").asText()).isEqualTo("donut");
        assertThat(json.get("series")).allSatisfy(value -> assertThat(value.isNumber()).isTrue());
        assertThat(json.get("series")).extracting(JsonNode::asDouble).containsExactly(60.0, 30.5, 9.5);
        assertThat(json.get("labels")).extracting(JsonNode::asText).containsExactly("天猫", "京东", "抖音");
        assertThat(json.at("/plotOptions/pie/donut/labels/total/label").asText()).isEqualTo("合计");
        assertThat(json.at("/plotOptions/pie/donut/labels/total/show").asBoolean()).isTrue();
    }

    @Test
    void donutNeedsOneLabelPerValue() {
        assertThatThrownBy(() -> ChartOptions.donut(List.of("天猫"), List.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chineseTextSurvivesSerialisationUnescaped() {
        String json = lineByWeek().title("品类趋势：女装").noDataText("暂无数据").toJson();

        assertThat(json).contains("品类趋势：女装", "暂无数据");
        assertThat(json(json).at("/noData/text").asText()).isEqualTo("暂无数据");
    }

    @Test
    void valueFormatAndLocaleTravelForTheElement() {
        JsonNode json = json(lineByWeek().valueFormat(ValueFormat.currency("CNY")).locale(Locale.CHINA));

        assertThat(json.get("yFormat").asText()).isEqualTo("currency:CNY");
        assertThat(json.get("locale").asText()).isEqualTo("zh-CN");
    }

    @Test
    void valueFormatPresetsUseTheNamesTheElementKnows() {
        assertThat(Stream.of(ValueFormat.number(), ValueFormat.integer(), ValueFormat.percent(),
                        ValueFormat.compact(), ValueFormat.currency("EUR")).map(ValueFormat::toString))
                .containsExactly("number", "integer", "percent", "compact", "currency:EUR");
        assertThatThrownBy(() -> ValueFormat.currency("RMB")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void multipleYAxesAreTiedToTheirSeries() {
        ChartOptions options = ChartOptions.line(
                        Series.of("GMV", List.of(100, 120)).withType(SeriesType.COLUMN),
                        Series.of("订单数", List.of(10, 11)))
                .yAxes(YAxis.titled("GMV (¥)").seriesName("GMV").min(0),
                        YAxis.titled("订单 (单)").seriesName("订单数").opposite(true).decimalsInFloat(0));

        JsonNode json = json(options);

        assertThat(json.at("/series/0/type").asText()).isEqualTo("column");
        assertThat(json.at("/yaxis/0/seriesName").asText()).isEqualTo("GMV");
        assertThat(json.at("/yaxis/0/min").asDouble()).isZero();
        assertThat(json.at("/yaxis/1/opposite").asBoolean()).isTrue();
        assertThat(json.at("/yaxis/1/decimalsInFloat").asInt()).isZero();
        assertThat(json.at("/yaxis/1/title/text").asText()).isEqualTo("订单 (单)");
    }

    @Test
    void chartSwitchesAndDisplayOptionsUseApexChartsNames() {
        JsonNode json = json(ChartOptions.area(Series.points("GMV", List.of(DataPoint.at(DAY_MILLIS, 5))))
                .xAxisType(AxisType.DATETIME)
                .xAxisLabelFormat("MM-dd")
                .tooltipDateFormat("yyyy-MM-dd")
                .zoom(false)
                .toolbar(false)
                .animations(false)
                .markerSize(4)
                .fillType(ChartOptions.FillType.SOLID)
                .fillOpacity(0.5)
                .legend(false)
                .grid(true)
                .gridStyle("#e0e0e0", 4)
                .colors("#123456")
                .sharedTooltip(false));

        assertThat(json.at("/chart/zoom/enabled").asBoolean(true)).isFalse();
        assertThat(json.at("/chart/toolbar/show").asBoolean(true)).isFalse();
        assertThat(json.at("/chart/animations/enabled").asBoolean(true)).isFalse();
        assertThat(json.at("/xaxis/labels/format").asText()).isEqualTo("MM-dd");
        assertThat(json.at("/tooltip/x/format").asText()).isEqualTo("yyyy-MM-dd");
        assertThat(json.at("/tooltip").has("intersect")).isFalse();
        assertThat(json.at("/markers/size").asInt()).isEqualTo(4);
        assertThat(json.at("/fill/type").asText()).isEqualTo("solid");
        assertThat(json.at("/fill/opacity").asDouble()).isEqualTo(0.5);
        assertThat(json.at("/legend/show").asBoolean(true)).isFalse();
        assertThat(json.at("/grid/borderColor").asText()).isEqualTo("#e0e0e0");
        assertThat(json.at("/grid/strokeDashArray").asInt()).isEqualTo(4);
        assertThat(json.get("colors")).extracting(JsonNode::asText).containsExactly("#123456");
    }

    @Test
    void seriesColourOverridesThePalette() {
        JsonNode json = json(ChartOptions.line(Series.of("目标", List.of(1)).withColor("#999999")));

        assertThat(json.at("/series/0/color").asText()).isEqualTo("#999999");
    }

    @Test
    void calendarDaysAreSentAsUtcMidnight() {
        JsonNode json = json(ChartOptions.line(Series.points("GMV", List.of(DataPoint.on(DAY, 1)))));

        assertThat(json.at("/series/0/data/0/x").asLong()).isEqualTo(DAY_MILLIS);
    }

    @Test
    void rangesMustNotBeUpsideDown() {
        assertThatThrownBy(() -> RangePoint.on(DAY, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ChartOptions forecast() {
        return ChartOptions.forecastBand(band(),
                Series.points("预测", List.of(DataPoint.on(DAY, 110))),
                Series.points("历史", List.of(DataPoint.on(DAY.minusDays(1), 100))));
    }

    private static Series band() {
        return Series.ranges("80% 区间", List.of(RangePoint.on(DAY, 90, 130)));
    }

    private static ChartOptions lineByWeek() {
        return ChartOptions.line(Series.of("销量", List.of(5, 8, 13))).categories(List.of("W1", "W2", "W3"));
    }

    private static ChartOptions stackedColumn() {
        return ChartOptions.column(Series.of("线上", List.of(3, 4)), Series.of("线下", List.of(1, 2)))
                .categories(List.of("一月", "二月"))
                .stacked(true)
                .columnWidth("60%");
    }

    private static ChartOptions heatmap() {
        return ChartOptions.heatmap(
                Series.points("周一", List.of(DataPoint.of("上午", 3), DataPoint.of("下午", 5))),
                Series.points("周二", List.of(DataPoint.of("上午", 7), DataPoint.of("下午", 2))));
    }

    private static ChartOptions donut() {
        return ChartOptions.donut(List.of("天猫", "京东", "抖音"), List.of(60, 30.5, 9.5));
    }

    private static JsonNode json(ChartOptions options) {
        return json(options.toJson());
    }

    private static JsonNode json(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static List<String> nullsIn(JsonNode json) {
        return nullsIn(json, "");
    }

    private static List<String> nullsIn(JsonNode node, String path) {
        if (node.isNull()) {
            return List.of(path);
        }
        if (node.isArray()) {
            return Stream.iterate(0, i -> i < node.size(), i -> i + 1)
                    .flatMap(i -> nullsIn(node.get(i), path + "/" + i).stream())
                    .toList();
        }
        return node.properties().stream()
                .flatMap(field -> nullsIn(field.getValue(), path + "/" + field.getKey()).stream())
                .toList();
    }
}
