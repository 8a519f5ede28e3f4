package com.trendcast.forecast;

import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.lstm.LstmGlobalModel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCatalogTest {

    /**
     * A 100-day series, horizon 10, default daily window 28: training origins 28..80 are 53 windows of 38 steps,
     * over at most 15 epochs.
     */
    @Test
    void lstmTrainingStepsAreWindowsTimesLengthTimesEpochs() {
        LstmGlobalModel lstm = LstmGlobalModel.withSeed(1);

        assertThat(lstm.trainingSteps(panel(1, 100), 10)).isEqualTo(53L * 38 * 15);
        assertThat(lstm.trainingSteps(panel(2, 100), 10)).isEqualTo(2 * 53L * 38 * 15);
        assertThat(lstm.trainingSteps(panel(1, 15), 10)).isZero();
    }

    /**
     * 100 daily series of 1,000 days hold far more than the 4,000 sampled windows: with a 90-day horizon two
     * folds are 2 x 4,000 x 118 x 15 = 14.2 million steps, over the budget; with Rossmann's 48 days 9.1 million.
     */
    @Test
    void autoLeavesOutTheLstmOnlyWhenItsBacktestPassesTheBudget() {
        List<TimeSeries> panel = panel(100, 1_000);

        ModelCatalog.AutoCandidates longHorizon = ModelCatalog.autoCandidates(panel, 90, 2, 42);
        ModelCatalog.AutoCandidates shortHorizon = ModelCatalog.autoCandidates(panel, 48, 2, 42);
        ModelCatalog.AutoCandidates moreFolds = ModelCatalog.autoCandidates(panel, 48, 3, 42);

        assertThat(longHorizon.names()).doesNotContain(ModelCatalog.LSTM)
                .containsAll(ModelCatalog.BASELINES).contains(ModelCatalog.GLOBAL_XGBOOST, ModelCatalog.GLOBAL_LINEAR);
        assertThat(longHorizon.note()).contains("lstm", "14.2 million", "--model lstm");
        assertThat(shortHorizon.names()).containsExactlyElementsOf(ModelCatalog.autoCandidates());
        assertThat(shortHorizon.note()).isNull();
        assertThat(moreFolds.names()).doesNotContain(ModelCatalog.LSTM);
    }

    private static List<TimeSeries> panel(int count, int days) {
        List<TimeSeries> panel = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            panel.add(new TimeSeries(List.of("s" + s), LocalDate.of(2020, 1, 1), Frequency.DAY, new double[days]));
        }
        return panel;
    }
}
