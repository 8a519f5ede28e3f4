package com.trendcast.forecast.engine.lstm;

import com.trendcast.forecast.engine.PromotionPanel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LstmTrainingHooksTest {

    private static final int LENGTH = 120;
    private static final int HORIZON = 7;
    /** 128 windows in batches of 32: 4 steps per epoch, 4 epochs, patience high enough to run them all. */
    private static final LstmGlobalModel.Settings TINY = new LstmGlobalModel.Settings(1, 8, 0, 128, 4, 10, 32,
            1e-2, 0, 3);

    @TempDir
    Path folder;

    @Test
    void aSavedAndLoadedModelForecastsWhatTheOneCallForecastGives() {
        PromotionPanel panel = PromotionPanel.of(2, LENGTH, HORIZON, 0, 5);
        LstmGlobalModel model = new LstmGlobalModel(TINY);

        List<double[]> direct = model.forecast(panel.histories(), HORIZON, panel.future());
        TrainedLstm trained = model.fit(panel.histories(), HORIZON, panel.future(), TrainingControl.none());
        trained.save(folder.resolve("model.zip"));
        List<double[]> loaded = TrainedLstm.load(folder.resolve("model.zip")).forecast(panel.histories(),
                panel.future());

        for (int s = 0; s < direct.size(); s++) {
            assertThat(loaded.get(s)).containsExactly(direct.get(s));
        }
    }

    @Test
    void theListenerHearsEveryStepAndEpochWithFiniteLosses() {
        PromotionPanel panel = PromotionPanel.of(2, LENGTH, HORIZON, 0, 5);
        Recording recording = new Recording(Integer.MAX_VALUE);

        new LstmGlobalModel(TINY).fit(panel.histories(), HORIZON, panel.future(),
                new TrainingControl(recording, () -> false, null, false));

        assertThat(recording.steps).hasSize(4 * 4);
        assertThat(recording.steps.get(5)).isEqualTo("2/2 of 4");
        assertThat(recording.epochs).extracting(EpochReport::epoch).containsExactly(1, 2, 3, 4);
        assertThat(recording.epochs).allSatisfy(epoch -> {
            assertThat(epoch.trainLoss()).isFinite().isPositive();
            assertThat(epoch.validationLoss()).isFinite().isPositive();
        });
    }

    @Test
    void cancellingStopsBeforeTheNextBatch() {
        PromotionPanel panel = PromotionPanel.of(2, LENGTH, HORIZON, 0, 5);
        Recording recording = new Recording(6);

        assertThatThrownBy(() -> new LstmGlobalModel(TINY).fit(panel.histories(), HORIZON, panel.future(),
                new TrainingControl(recording, recording.cancel::get, null, false)))
                .isInstanceOf(TrainingCancelledException.class);
        assertThat(recording.steps).hasSize(6);
    }

    @Test
    void resumingFromTheCheckpointContinuesAfterTheSavedEpochAndEndsWhereAnUninterruptedRunEnds() throws Exception {
        PromotionPanel panel = PromotionPanel.of(2, LENGTH, HORIZON, 0, 5);
        Path checkpoint = folder.resolve("checkpoint.zip");
        LstmGlobalModel model = new LstmGlobalModel(TINY);
        List<double[]> uninterrupted = model.fit(panel.histories(), HORIZON, panel.future(), TrainingControl.none())
                .forecast(panel.histories(), panel.future());
        Recording first = new Recording(9);
        assertThatThrownBy(() -> model.fit(panel.histories(), HORIZON, panel.future(),
                new TrainingControl(first, first.cancel::get, checkpoint, false)))
                .isInstanceOf(TrainingCancelledException.class);
        assertThat(Files.exists(checkpoint)).isTrue();

        Recording second = new Recording(Integer.MAX_VALUE);
        TrainedLstm resumed = model.fit(panel.histories(), HORIZON, panel.future(),
                new TrainingControl(second, () -> false, checkpoint, true));

        assertThat(second.epochs).extracting(EpochReport::epoch).containsExactly(3, 4);
        assertThat(resumed.epochs()).isEqualTo(4);
        List<double[]> forecasts = resumed.forecast(panel.histories(), panel.future());
        for (int s = 0; s < forecasts.size(); s++) {
            assertThat(forecasts.get(s)).containsExactly(uninterrupted.get(s));
        }
    }

    @Test
    void aCheckpointOfOtherDataIsRefused() {
        Path checkpoint = folder.resolve("checkpoint.zip");
        LstmGlobalModel model = new LstmGlobalModel(TINY);
        PromotionPanel two = PromotionPanel.of(2, LENGTH, HORIZON, 0, 5);
        model.fit(two.histories(), HORIZON, two.future(), new TrainingControl(TrainingListener.NONE, () -> false,
                checkpoint, false));
        PromotionPanel three = PromotionPanel.of(3, LENGTH, HORIZON, 0, 5);

        assertThatThrownBy(() -> model.fit(three.histories(), HORIZON, three.future(),
                new TrainingControl(TrainingListener.NONE, () -> false, checkpoint, true)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void settingsOutsideTheirRangesAreRefused() {
        assertThatThrownBy(() -> new LstmGlobalModel.Settings(4, 8, 0, 128, 4, 10, 32, 1e-2, 0, 3))
                .hasMessageContaining("layers");
        assertThatThrownBy(() -> new LstmGlobalModel.Settings(1, 8, 0.95, 128, 4, 10, 32, 1e-2, 0, 3))
                .hasMessageContaining("dropout");
        assertThatThrownBy(() -> new LstmGlobalModel.Settings(1, 8, 0, 128, 4, 10, 32, 0, 0, 3))
                .hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new LstmGlobalModel.Settings(1, 8, 0, 128, 4, 10, 32, 1e-2, 1, 3))
                .hasMessageContaining("history window");
    }

    @Test
    void stackedLayersWithDropoutTrainAndForecastFiniteValues() {
        PromotionPanel panel = PromotionPanel.of(2, LENGTH, HORIZON, 0, 5);
        LstmGlobalModel.Settings stacked = new LstmGlobalModel.Settings(3, 8, 0.2, 64, 2, 10, 32, 1e-2, 21, 3);

        List<double[]> forecasts = new LstmGlobalModel(stacked).forecast(panel.histories(), HORIZON, panel.future());

        assertThat(forecasts).hasSize(2).allSatisfy(point -> assertThat(point).hasSize(HORIZON)
                .doesNotContain(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    /** Records steps as "epoch/step of steps" and cancels once {@code cancelAfter} steps were seen. */
    private static final class Recording implements TrainingListener {

        final List<String> steps = new ArrayList<>();
        final List<EpochReport> epochs = new ArrayList<>();
        final AtomicBoolean cancel = new AtomicBoolean();
        private final int cancelAfter;

        Recording(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void stepFinished(int epoch, int step, int stepsPerEpoch, double loss) {
            steps.add(epoch + "/" + step + " of " + stepsPerEpoch);
            if (steps.size() >= cancelAfter) {
                cancel.set(true);
            }
        }

        @Override
        public void epochFinished(EpochReport report) {
            epochs.add(report);
        }
    }
}
