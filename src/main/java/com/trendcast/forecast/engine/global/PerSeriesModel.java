package com.trendcast.forecast.engine.global;

import com.trendcast.forecast.engine.ForecastModel;
import com.trendcast.forecast.engine.TimeSeries;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A local {@link ForecastModel} applied to every series of a panel independently, under a name of its own, so
 * local and global models are evaluated and chosen along one path.
 *
 * @param name  name in reports, e.g. {@code ets}
 * @param model the local method
 */
public record PerSeriesModel(String name, ForecastModel model) implements GlobalForecastModel {

    @Override
    public List<double[]> forecast(List<TimeSeries> histories, int horizon,
                                   List<Map<String, double[]>> futureCovariates) {
        return IntStream.range(0, histories.size()).parallel()
                .mapToObj(i -> model.fit(histories.get(i)).predict(horizon, futureCovariates.get(i)))
                .toList();
    }
}
