package com.trendcast.forecast.engine.global;

import com.trendcast.forecast.engine.Covariate;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.model.SeasonalNaiveModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalTabularModelTest {

    private static final int LENGTH = 200;
    private static final int HORIZON = 14;

    /**
     * Promotions every third week lift sales by 60%; seasonal naive copies last week and so misses every
     * promotion that starts or ends inside the horizon, while a global model with the known promotion does not.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ridge", "boosted"})
    void beatsSeasonalNaiveWhenPromotionsAreKnownInAdvance(String learner) {
        List<TimeSeries> full = panel(6, 21);
        List<TimeSeries> histories = new ArrayList<>();
        List<Map<String, double[]>> future = new ArrayList<>();
        for (TimeSeries series : full) {
            histories.add(series.head(LENGTH - HORIZON));
            future.add(series.knownCovariateValues(LENGTH - HORIZON, LENGTH));
        }
        GlobalTabularModel model = learner.equals("ridge") ? GlobalTabularModel.ridge(3) : GlobalTabularModel.boostedTrees(3);

        List<double[]> forecasts = model.forecast(histories, HORIZON, future);

        double modelError = 0;
        double naiveError = 0;
        for (int s = 0; s < full.size(); s++) {
            double[] naive = new SeasonalNaiveModel().fit(histories.get(s)).predict(HORIZON);
            for (int step = 0; step < HORIZON; step++) {
                double actual = full.get(s).valueAt(LENGTH - HORIZON + step);
                modelError += Math.abs(forecasts.get(s)[step] - actual);
                naiveError += Math.abs(naive[step] - actual);
            }
        }
        assertThat(modelError).isLessThan(0.7 * naiveError);
    }

    private static List<TimeSeries> panel(int count, long seed) {
        Random random = new Random(seed);
        List<TimeSeries> panel = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            double level = 50 + 100 * random.nextDouble();
            double[] values = new double[LENGTH];
            double[] promo = new double[LENGTH];
            for (int t = 0; t < LENGTH; t++) {
                promo[t] = ((t + 3) / 7) % 3 == 0 ? 1 : 0;
                double weekly = 1 + 0.4 * Math.sin(2 * Math.PI * t / 7);
                values[t] = level * weekly * (1 + 0.6 * promo[t]) * (1 + 0.05 * random.nextGaussian());
            }
            panel.add(new TimeSeries(List.of("s" + s), LocalDate.of(2023, 1, 2), Frequency.DAY, values,
                    Map.of("Promo", new Covariate("Promo", promo, true))));
        }
        return panel;
    }
}
