package com.trendcast.ui;

import com.trendcast.ui.chart.ApexChart;
import com.trendcast.ui.chart.ChartOptions;
import com.trendcast.ui.chart.Series;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Card widths follow their weight, rows wrap, long chart labels are cut to 32 characters. */
class ChartCardsTest {

    @Test
    void aChartCardNamesAndSizesTheChartAndWidensWithItsWeight() {
        ApexChart chart = new ApexChart(ChartOptions.line(Series.of("Revenue", List.of(1, 2))));

        Div card = ChartCards.card("test-chart", chart, 2);

        assertThat(chart.getId()).contains("test-chart");
        assertThat(chart.getHeight()).isEqualTo("340px");
        assertThat(card.getClassNames()).containsExactly("chart-card");
        assertThat(card.getStyle().get("flex")).isEqualTo("2 1 48rem");
        assertThat(card.getStyle().get("min-width")).isEqualTo("20rem");
        assertThat(card.getChildren()).containsExactly(chart);
    }

    @Test
    void aCardOfWeightOneHoldsWhateverItIsGiven() {
        Span title = new Span("Title");
        Span note = new Span("Note");

        Div card = ChartCards.card(1, title, note);

        assertThat(card.getStyle().get("flex")).isEqualTo("1 1 24rem");
        assertThat(card.getChildren()).containsExactly(title, note);
    }

    @Test
    void aRowIsFullWidthAndWraps() {
        Div row = ChartCards.row(new Div(), new Div());

        assertThat(row.getClassNames()).contains("flex", "flex-wrap");
        assertThat(row.getWidth()).isEqualTo("100%");
        assertThat(row.getChildren()).hasSize(2);
    }

    @Test
    void labelsOver32CharactersAreCutWithAnEllipsis() {
        String thirtyTwo = "Stainless steel frying pan 28 cm";
        String thirtyThree = "Stainless steel frying pans 28 cm";

        assertThat(ChartCards.shorten(thirtyTwo)).isEqualTo(thirtyTwo);
        assertThat(ChartCards.shorten(thirtyThree)).isEqualTo("Stainless steel frying pans 28 …");
    }
}
