package com.trendcast.ui.chart;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DebounceSettings;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.dom.DebouncePhase;

/**
 * The user marked an x-range with the toolbar's selection tool without zooming. On a datetime axis the
 * bounds are epoch milliseconds.
 */
@DomEvent(value = "apex-range-selection",
        debounce = @DebounceSettings(timeout = 250, phases = DebouncePhase.TRAILING))
public class RangeSelectionEvent extends ComponentEvent<ApexChart> {

    private final double min;
    private final double max;

    public RangeSelectionEvent(ApexChart source, boolean fromClient,
            @EventData("event.detail.min") double min,
            @EventData("event.detail.max") double max) {
        super(source, fromClient);
        this.min = min;
        this.max = max;
    }

    public double getMin() {
        return min;
    }

    public double getMax() {
        return max;
    }
}
