package com.trendcast.ui.chart;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;

/** The user clicked one data point: a bar, a donut slice, a heatmap cell or a point of a line. */
@DomEvent("apex-data-point-selection")
public class DataPointClickEvent extends ComponentEvent<ApexChart> {

    private final int seriesIndex;
    private final int dataPointIndex;

    public DataPointClickEvent(ApexChart source, boolean fromClient,
            @EventData("event.detail.seriesIndex") int seriesIndex,
            @EventData("event.detail.dataPointIndex") int dataPointIndex) {
        super(source, fromClient);
        this.seriesIndex = seriesIndex;
        this.dataPointIndex = dataPointIndex;
    }

    /** Position of the series in the options' series list; always 0 for a donut. */
    public int getSeriesIndex() {
        return seriesIndex;
    }

    /** Position of the point within its series; for a donut, the slice (label) index. */
    public int getDataPointIndex() {
        return dataPointIndex;
    }
}
