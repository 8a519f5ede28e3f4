package com.trendcast.ui.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

/**
 * An ApexCharts chart. The chart is 350 px high unless the component is given a height
 * ({@link #setHeight(String)}), which it then fills.
 * <pre>{@code
 * ApexChart chart = new ApexChart(ChartOptions.column(Series.of("销量", units))
 *         .categories(weeks)
 *         .yAxisTitle("销量 (件)")
 *         .valueFormat(ValueFormat.integer())
 *         .locale(Locale.CHINA));
 * chart.addDataPointClickListener(e -> showWeek(e.getDataPointIndex()));
 * }</pre>
 */
@Tag("apex-chart")
@NpmPackage(value = "apexcharts", version = "4.7.0")
@JsModule("./apex-chart.ts")
public class ApexChart extends Component implements HasSize, HasStyle {

    static final String OPTIONS_PROPERTY = "optionsJson";

    /** A chart that shows nothing until {@link #setOptions(ChartOptions)} is called. */
    public ApexChart() {
    }

    public ApexChart(ChartOptions options) {
        setOptions(options);
    }

    /** Draws the chart with these options; a chart already shown is updated in place. */
    public void setOptions(ChartOptions options) {
        getElement().setProperty(OPTIONS_PROPERTY, options.toJson());
    }

    /** Called when the user clicks a bar, slice, heatmap cell or line point. */
    public Registration addDataPointClickListener(ComponentEventListener<DataPointClickEvent> listener) {
        return addListener(DataPointClickEvent.class, listener);
    }

    /** Called when the user zooms the x-axis in, or resets the zoom. */
    public Registration addZoomListener(ComponentEventListener<ZoomEvent> listener) {
        return addListener(ZoomEvent.class, listener);
    }

    /** Called when the user marks an x-range with the toolbar's selection tool. */
    public Registration addRangeSelectionListener(ComponentEventListener<RangeSelectionEvent> listener) {
        return addListener(RangeSelectionEvent.class, listener);
    }
}
