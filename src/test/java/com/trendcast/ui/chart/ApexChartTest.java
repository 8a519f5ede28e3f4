package com.trendcast.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import elemental.json.Json;
import elemental.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ApexChartTest {

    private static final Path ELEMENT_SOURCE = Path.of("frontend", "apex-chart.ts");

    private final ApexChart chart = new ApexChart();

    @Test
    void setOptionsPutsTheJsonOnTheElementProperty() {
        ChartOptions options = ChartOptions.donut(List.of("天猫", "京东"), List.of(2, 1)).title("渠道占比");

        chart.setOptions(options);

        assertThat(chart.getElement().getProperty("optionsJson")).isEqualTo(options.toJson());
    }

    @Test
    void optionsGivenToTheConstructorAreShown() {
        ChartOptions options = ChartOptions.line(Series.of("GMV", List.of(1, 2)));

        assertThat(new ApexChart(options).getElement().getProperty("optionsJson")).isEqualTo(options.toJson());
    }

    @Test
    void theElementIsTheApexChartTag() {
        assertThat(chart.getElement().getTag()).isEqualTo("apex-chart");
    }

    @Test
    void dataPointEventReachesTheClickListener() {
        List<DataPointClickEvent> events = new ArrayList<>();
        chart.addDataPointClickListener(events::add);

        fire("apex-data-point-selection", data -> {
            data.put("event.detail.seriesIndex", 1);
            data.put("event.detail.dataPointIndex", 4);
        });

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getSeriesIndex()).isEqualTo(1);
            assertThat(event.getDataPointIndex()).isEqualTo(4);
            assertThat(event.isFromClient()).isTrue();
        });
    }

    @Test
    void zoomEventCarriesTheRangeOrItsReset() {
        List<ZoomEvent> events = new ArrayList<>();
        chart.addZoomListener(events::add);

        fire("apex-zoom", data -> {
            data.put("for", "trailing");
            data.put("event.detail.min", 1.7e12);
            data.put("event.detail.max", 1.8e12);
        });
        fire("apex-zoom", data -> {
            data.put("for", "trailing");
            data.put("event.detail.min", Json.createNull());
            data.put("event.detail.max", Json.createNull());
        });

        assertThat(events).hasSize(2);
        assertThat(events.get(0).getMin()).isEqualTo(1.7e12);
        assertThat(events.get(0).getMax()).isEqualTo(1.8e12);
        assertThat(events.get(0).isReset()).isFalse();
        assertThat(events.get(1).isReset()).isTrue();
    }

    @Test
    void rangeSelectionEventCarriesTheRange() {
        List<RangeSelectionEvent> events = new ArrayList<>();
        chart.addRangeSelectionListener(events::add);

        fire("apex-range-selection", data -> {
            data.put("for", "trailing");
            data.put("event.detail.min", 3.0);
            data.put("event.detail.max", 7.5);
        });

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getMin()).isEqualTo(3.0);
            assertThat(event.getMax()).isEqualTo(7.5);
        });
    }

    /** No browser runs in unit tests, so this pins the names shared by the Java and TypeScript sides. */
    @Test
    void theElementUsesTheNamesTheJavaSideListensFor() throws IOException {
        String element = Files.readString(ELEMENT_SOURCE);

        assertThat(element).contains(
                "@customElement('apex-chart')",
                ApexChart.OPTIONS_PROPERTY + " = ''",
                "'apex-data-point-selection', { seriesIndex:",
                "dataPointIndex:",
                "'apex-zoom', { min:",
                "'apex-range-selection', { min, max }",
                "case 'number':", "case 'integer':", "case 'percent':", "case 'compact':", "case 'currency':");
    }

    private void fire(String eventType, Consumer<JsonObject> eventData) {
        JsonObject data = Json.createObject();
        eventData.accept(data);
        chart.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(chart.getElement(), eventType, data));
    }
}
