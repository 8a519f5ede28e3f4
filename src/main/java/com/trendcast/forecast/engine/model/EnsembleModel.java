package com.trendcast.forecast.engine.model;

import com.trendcast.forecast.engine.FittedModel;
import com.trendcast.forecast.engine.ForecastModel;
import com.trendcast.forecast.engine.TimeSeries;

import java.util.List;
import java.util.stream.Collectors;

/** Averages the point forecasts of its members with equal weights. */
public final class EnsembleModel implements ForecastModel {

    private final List<ForecastModel> members;

    public EnsembleModel(List<ForecastModel> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("An ensemble needs at least one member");
        }
        this.members = List.copyOf(members);
    }

    public List<ForecastModel> members() {
        return members;
    }

    @Override
    public String name() {
        return members.stream().map(ForecastModel::name).collect(Collectors.joining("+", "ensemble(", ")"));
    }

    @Override
    public FittedModel fit(TimeSeries history) {
        List<FittedModel> fitted = members.stream().map(member -> member.fit(history)).toList();
        return (horizon, futureCovariates) -> {
            double[] average = new double[horizon];
            for (FittedModel member : fitted) {
                double[] forecast = member.predict(horizon, futureCovariates);
                for (int step = 0; step < horizon; step++) {
                    average[step] += forecast[step] / fitted.size();
                }
            }
            return average;
        };
    }
}
