package com.trendcast.forecast;

import com.trendcast.forecast.engine.TimeSeries;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Series read from a file, ready for the models.
 *
 * @param seriesColumns    names of the columns that identify a series, as the user gave them
 * @param series           the regular, gap-filled series with their encoded covariates
 * @param future           per series (same order), the known covariates over the horizon; empty maps when no
 *                         future file was given
 * @param openIndicators   encoded covariates under which the target is always zero when they are zero
 *                         (e.g. {@code Open}); forecasts are zero there
 */
public record Panel(List<String> seriesColumns, List<TimeSeries> series, List<Map<String, double[]>> future,
                    Set<String> openIndicators) {

    public Panel {
        seriesColumns = List.copyOf(seriesColumns);
        series = List.copyOf(series);
        future = List.copyOf(future);
        openIndicators = Set.copyOf(openIndicators);
    }
}
