package com.trendcast.forecast.engine.lstm;

import com.trendcast.forecast.engine.Covariate;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.model.SeasonalNaiveModel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LstmGlobalModelTest {

    private static final int LENGTH = 150;
    private static final int HORIZON = 7;
    /** Small enough to train in seconds: 4 batches per epoch. */
    private static final LstmGlobalModel.Settings SMALL = new LstmGlobalModel.Settings(16, 256, 12, 3, 64, 2e-2, 7);

    @Test
    void beatsSeasonalNaiveOnWeeklySeasonalityWithPromotions() {
        List<TimeSeries> full = panel(4, 11);
        List<TimeSeries> histories = new ArrayList<>();
        List<Map<String, double[]>> future = new ArrayList<>();
        for (TimeSeries series : full) {
            histories.add(series.head(LENGTH - HORIZON));
            future.add(series.knownCovariateValues(LENGTH - HORIZON, LENGTH));
        }

        List<double[]> lstm = new LstmGlobalModel(SMALL).forecast(histories, HORIZON, future);

        double lstmError = 0;
        double naiveError = 0;
        for (int s = 0; s < full.size(); s++) {
            double[] naive = new SeasonalNaiveModel().fit(histories.get(s)).predict(HORIZON);
            for (int step = 0; step < HORIZON; step++) {
                double actual = full.get(s).valueAt(LENGTH - HORIZON + step);
                lstmError += Math.abs(lstm.get(s)[step] - actual);
                naiveError += Math.abs(naive[step] - actual);
            }
        }
        assertThat(lstmError).isLessThan(0.8 * naiveError);
    }

    @Test
    void theSameSeedGivesTheSameForecast() {
        List<TimeSeries> histories = panel(2, 5).stream().map(series -> series.head(LENGTH - HORIZON)).toList();
        List<Map<String, double[]>> future = panel(2, 5).stream()
                .map(series -> series.knownCovariateValues(LENGTH - HORIZON, LENGTH)).toList();
        LstmGlobalModel model = new LstmGlobalModel(SMALL);

        List<double[]> first = model.forecast(histories, HORIZON, future);
        List<double[]> second = model.forecast(histories, HORIZON, future);

        for (int s = 0; s < histories.size(); s++) {
            assertThat(second.get(s)).containsExactly(first.get(s));
        }
    }

    /** Daily series with a weekly pattern and a promotion every third week that lifts sales by 60%. */
    private static List<TimeSeries> panel(int count, long seed) {
        Random random = new Random(seed);
        List<TimeSeries> panel = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            double level = 50 + 100 * random.nextDouble();
            double[] values = new double[LENGTH];
            double[] promo = new double[LENGTH];
            for (int t = 0; t < LENGTH; t++) {
                promo[t] = (t / 7) % 3 == 0 ? 1 : 0;
                double weekly = 1 + 0.4 * Math.sin(2 * Math.PI * t / 7);
                values[t] = level * weekly * (1 + 0.6 * promo[t]) * (1 + 0.05 * random.nextGaussian());
            }
            panel.add(new TimeSeries(List.of("s" + s), LocalDate.of(2023, 1, 2), Frequency.DAY, values,
                    Map.of("Promo", new Covariate("Promo", promo, true))));
        }
        return panel;
    }
}
