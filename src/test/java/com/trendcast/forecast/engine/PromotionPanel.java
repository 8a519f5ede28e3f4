package com.trendcast.forecast.engine;

import com.trendcast.forecast.engine.model.SeasonalNaiveModel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Daily series with a weekly pattern and a promotion every third week that lifts sales by 60%, split into
 * histories and a known-in-advance future, for tests that global models beat seasonal naive.
 */
public record PromotionPanel(List<TimeSeries> full, List<TimeSeries> histories,
                             List<Map<String, double[]>> future, int horizon) {

    /** {@code promotionOffset} shifts the promotion weeks by that many days. */
    public static PromotionPanel of(int count, int length, int horizon, int promotionOffset, long seed) {
        Random random = new Random(seed);
        List<TimeSeries> full = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            double level = 50 + 100 * random.nextDouble();
            double[] values = new double[length];
            double[] promo = new double[length];
            for (int t = 0; t < length; t++) {
                promo[t] = ((t + promotionOffset) / 7) % 3 == 0 ? 1 : 0;
                double weekly = 1 + 0.4 * Math.sin(2 * Math.PI * t / 7);
                values[t] = level * weekly * (1 + 0.6 * promo[t]) * (1 + 0.05 * random.nextGaussian());
            }
            full.add(new TimeSeries(List.of("s" + s), LocalDate.of(2023, 1, 2), Frequency.DAY, values,
                    Map.of("Promo", new Covariate("Promo", promo, true))));
        }
        List<TimeSeries> histories = new ArrayList<>();
        List<Map<String, double[]>> future = new ArrayList<>();
        for (TimeSeries series : full) {
            histories.add(series.head(length - horizon));
            future.add(series.knownCovariateValues(length - horizon, length));
        }
        return new PromotionPanel(full, histories, future, horizon);
    }

    /** Summed absolute errors over the horizon: {@code [forecasts, seasonal naive]}. */
    public double[] absoluteErrors(List<double[]> forecasts) {
        double modelError = 0;
        double naiveError = 0;
        for (int s = 0; s < full.size(); s++) {
            double[] naive = new SeasonalNaiveModel().fit(histories.get(s)).predict(horizon);
            int start = full.get(s).length() - horizon;
            for (int step = 0; step < horizon; step++) {
                double actual = full.get(s).valueAt(start + step);
                modelError += Math.abs(forecasts.get(s)[step] - actual);
                naiveError += Math.abs(naive[step] - actual);
            }
        }
        return new double[]{modelError, naiveError};
    }
}
