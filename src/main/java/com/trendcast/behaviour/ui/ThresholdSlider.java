package com.trendcast.behaviour.ui;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.Tag;

/**
 * A decision threshold in percent (1–99) on a native {@code <input type="range">}. vaadin-core has no slider;
 * the browser's own range input drags, answers the arrow keys and is announced as a slider by screen readers,
 * and it adds no web component to the frontend bundle. The value syncs on {@code input}, so figures follow
 * the thumb while it is dragged, not only when it is let go.
 */
@Tag("input")
class ThresholdSlider extends AbstractSinglePropertyField<ThresholdSlider, Integer> {

    static final int MIN = 1;
    static final int MAX = 99;

    ThresholdSlider(int initialPercent, String accessibleName) {
        super("value", initialPercent, String.class, ThresholdSlider::parse, String::valueOf);
        getElement().setAttribute("type", "range");
        getElement().setAttribute("min", String.valueOf(MIN));
        getElement().setAttribute("max", String.valueOf(MAX));
        getElement().setAttribute("step", "1");
        getElement().setAttribute("aria-label", accessibleName);
        getElement().setProperty("value", String.valueOf(initialPercent));
        getStyle().set("width", "16rem");
        setSynchronizedEvent("input");
    }

    private static Integer parse(String value) {
        try {
            return Math.max(MIN, Math.min(MAX, (int) Math.round(Double.parseDouble(value))));
        } catch (NumberFormatException | NullPointerException e) {
            return 50;
        }
    }
}
