package com.trendcast.ui;

import com.trendcast.ui.chart.ApexChart;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The cards that hold a view's charts and the wrapping rows they sit in, so every dashboard lays its charts out
 * alike: a card of weight 2 takes twice the width of one of weight 1 on a wide screen, and cards wrap below
 * each other on a narrow one.
 */
public final class ChartCards {

    /** Chart labels longer than this are cut, so a long product name does not squeeze the plot. */
    private static final int MAX_LABEL_LENGTH = 32;

    private ChartCards() {
    }

    /** {@code chart} at the common chart height, given {@code id}, in a card of {@code weight}. */
    public static Div card(String id, ApexChart chart, int weight) {
        chart.setId(id);
        chart.setHeight("340px");
        return card(weight, chart);
    }

    /** A card of {@code weight} around content that is more than one chart (a chart with its controls, a table). */
    public static Div card(int weight, Component... content) {
        Div card = new Div(content);
        card.addClassName("chart-card");
        card.getStyle().set("flex", weight + " 1 " + (24 * weight) + "rem").set("min-width", "20rem");
        return card;
    }

    /** A full-width row of cards that wraps when they do not fit side by side. */
    public static Div row(Component... cards) {
        Div row = new Div(cards);
        row.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.MEDIUM);
        row.setWidthFull();
        return row;
    }

    /** {@code label} cut to {@value #MAX_LABEL_LENGTH} characters, the last one an ellipsis, for axis categories. */
    public static String shorten(String label) {
        return shorten(label, MAX_LABEL_LENGTH);
    }

    /** {@code label} cut to at most {@code maxLength} characters, the last one an ellipsis when cut. */
    public static String shorten(String label, int maxLength) {
        return label.length() > maxLength ? label.substring(0, maxLength - 1) + "…" : label;
    }
}
