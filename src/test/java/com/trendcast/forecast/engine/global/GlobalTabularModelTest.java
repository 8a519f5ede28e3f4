package com.trendcast.forecast.engine.global;

import com.trendcast.forecast.engine.PromotionPanel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalTabularModelTest {

    /**
     * Seasonal naive copies last week and so misses every promotion that starts or ends inside the horizon,
     * while a global model given the known promotion does not.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ridge", "boosted"})
    void beatsSeasonalNaiveWhenPromotionsAreKnownInAdvance(String learner) {
        PromotionPanel panel = PromotionPanel.of(6, 200, 14, 3, 21);
        GlobalTabularModel model = learner.equals("ridge") ? GlobalTabularModel.ridge(3) : GlobalTabularModel.boostedTrees(3);

        double[] errors = panel.absoluteErrors(model.forecast(panel.histories(), panel.horizon(), panel.future()));

        assertThat(errors[0]).isLessThan(0.7 * errors[1]);
    }
}
