package com.trendcast.ui.chart;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DebounceSettings;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.dom.DebouncePhase;

/**
 * The user zoomed the x-axis to a range, or reset the zoom. On a datetime axis the bounds are epoch
 * milliseconds.
 */
@DomEvent(value = "apex-zoom", debounce = @DebounceSettings(timeout = 250, phases = DebouncePhase.TRAILING))
public class ZoomEvent extends ComponentEvent<ApexChart> {

    private final Double min;
    private final Double max;

    public ZoomEvent(ApexChart source, boolean fromClient,
            @EventData("event.detail.min") Double min,
            @EventData("event.detail.max") Double max) {
        super(source, fromClient);
        this.min = min;
        this.max = max;
    }

    /** Lower bound of the visible x-range, or {@code null} when the zoom was reset to the full range. */
    public Double getMin() {
        return min;
    }

    /** Upper bound of the visible x-range, or {@code null} when the zoom was reset to the full range. */
    public Double getMax() {
        return max;
    }

    /** Whether the user went back to the full x-range. */
    public boolean isReset() {
        return min == null && max == null;
    }
}
