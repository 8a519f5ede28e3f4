package com.trendcast.forecast.engine.lstm;

import com.trendcast.forecast.engine.PromotionPanel;
import com.trendcast.forecast.engine.TimeSeries;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LstmGlobalModelTest {

    private static final int LENGTH = 150;
    private static final int HORIZON = 7;
    /** Small enough to train in seconds: 4 batches per epoch. */
    private static final LstmGlobalModel.Settings SMALL = new LstmGlobalModel.Settings(16, 256, 12, 3, 64, 2e-2, 7);

    @Test
    void beatsSeasonalNaiveOnWeeklySeasonalityWithPromotions() {
        PromotionPanel panel = PromotionPanel.of(4, LENGTH, HORIZON, 0, 11);

        double[] errors = panel.absoluteErrors(new LstmGlobalModel(SMALL).forecast(panel.histories(), HORIZON, panel.future()));

        assertThat(errors[0]).isLessThan(0.8 * errors[1]);
    }

    @Test
    void theSameSeedGivesTheSameForecast() {
        PromotionPanel panel = PromotionPanel.of(2, LENGTH, HORIZON, 0, 5);
        List<TimeSeries> histories = panel.histories();
        List<Map<String, double[]>> future = panel.future();
        LstmGlobalModel model = new LstmGlobalModel(SMALL);

        List<double[]> first = model.forecast(histories, HORIZON, future);
        List<double[]> second = model.forecast(histories, HORIZON, future);

        for (int s = 0; s < histories.size(); s++) {
            assertThat(second.get(s)).containsExactly(first.get(s));
        }
    }
}
