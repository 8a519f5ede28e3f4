package com.trendcast.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** A headline figure with its label and an optional comparison line, coloured by direction. */
public class KpiCard extends Div {

    public KpiCard(String label, String value, String comparison, Double change) {
        addClassNames("kpi-card", LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Background.CONTRAST_5, LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN);
        getStyle().set("min-width", "12rem").set("flex", "1 1 12rem");
        Span labelSpan = new Span(label);
        labelSpan.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Span valueSpan = new Span(value);
        valueSpan.addClassNames("kpi-value", LumoUtility.FontSize.XXLARGE, LumoUtility.FontWeight.SEMIBOLD);
        add(labelSpan, valueSpan);
        if (comparison != null) {
            Span comparisonSpan = new Span(comparison);
            comparisonSpan.addClassNames(LumoUtility.FontSize.SMALL);
            if (change != null) {
                comparisonSpan.addClassName(change >= 0 ? LumoUtility.TextColor.SUCCESS : LumoUtility.TextColor.ERROR);
            } else {
                comparisonSpan.addClassName(LumoUtility.TextColor.SECONDARY);
            }
            add(comparisonSpan);
        }
    }
}
