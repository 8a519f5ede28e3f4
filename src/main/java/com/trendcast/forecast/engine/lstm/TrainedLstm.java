package com.trendcast.forecast.engine.lstm;

import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trained {@link LstmGlobalModel}: forecasts the horizon after any histories of the frequency and covariates it
 * was trained on, without retraining. Saved as a DL4J model zip (network, no optimizer state) with the settings
 * and the panel standardisation learnt in training as one more entry, so {@link #load} restores exactly what
 * {@link #save} wrote.
 */
public final class TrainedLstm {

    private static final String STATE_ENTRY = "trendcast-lstm-state";
    private static final int PREDICTION_BATCH = 256;

    /**
     * What the network needs besides its weights.
     *
     * @param settings           the settings it was trained with
     * @param horizon            periods it forecasts
     * @param window             periods of history each sequence reads
     * @param frequency          frequency of the series it was trained on
     * @param standardisation    panel standardisation learnt in training
     * @param epochs             epochs trained
     * @param bestValidationWape the validation WAPE of the kept weights; {@code NaN} without validation
     */
    record State(LstmGlobalModel.Settings settings, int horizon, int window, Frequency frequency,
                 LstmPanel.Standardisation standardisation, int epochs, double bestValidationWape)
            implements Serializable {
    }

    private final MultiLayerNetwork network;
    private final State state;

    TrainedLstm(MultiLayerNetwork network, State state) {
        this.network = network;
        this.state = state;
    }

    public LstmGlobalModel.Settings settings() {
        return state.settings();
    }

    public int horizon() {
        return state.horizon();
    }

    public Frequency frequency() {
        return state.frequency();
    }

    /** Epochs the network was trained for (early stopping may end before the settings' maximum). */
    public int epochs() {
        return state.epochs();
    }

    /** Validation WAPE of the kept weights, {@code NaN} when the panel was too small for a validation split. */
    public double bestValidationWape() {
        return state.bestValidationWape();
    }

    /** Names of the known-in-advance covariates every history must carry and the future must give. */
    public List<String> covariates() {
        return state.standardisation().covariates();
    }

    /**
     * Point forecasts of the {@link #horizon()} periods after each history.
     *
     * @param histories        series of the model's frequency carrying its {@link #covariates()}
     * @param futureCovariates per series (same order), those covariates over the horizon
     * @return one array of {@code horizon} finite values per series, in order
     */
    public List<double[]> forecast(List<TimeSeries> histories, List<Map<String, double[]>> futureCovariates) {
        if (histories.isEmpty()) {
            return List.of();
        }
        for (TimeSeries history : histories) {
            if (history.frequency() != state.frequency()) {
                throw new IllegalArgumentException("The model forecasts " + state.frequency() + " series, not "
                        + history.frequency() + " (" + history.key() + ")");
            }
        }
        int horizon = state.horizon();
        LstmPanel panel = LstmPanel.of(histories, horizon, state.window(), futureCovariates, state.standardisation());
        List<double[]> forecasts = new ArrayList<>(histories.size());
        for (int from = 0; from < panel.size(); from += PREDICTION_BATCH) {
            int to = Math.min(panel.size(), from + PREDICTION_BATCH);
            List<long[]> windows = new ArrayList<>();
            for (int series = from; series < to; series++) {
                windows.add(new long[]{series, panel.series(series).length()});
            }
            INDArray output = network.output(panel.batch(windows).getFeatures());
            for (int row = 0; row < windows.size(); row++) {
                LstmPanel.Series series = panel.series(from + row);
                double[] point = new double[horizon];
                for (int step = 0; step < horizon; step++) {
                    double value = output.getDouble(row, 0, panel.window() + step) * series.scale();
                    point[step] = Double.isFinite(value) ? value : series.scale();
                }
                forecasts.add(point);
            }
        }
        return forecasts;
    }

    /** Writes the model to {@code file} (replacing it atomically, so a reader never sees half a model). */
    public void save(Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ModelSerializer.writeModel(network, partial.toFile(), false);
            ModelSerializer.addObjectToFile(partial.toFile(), STATE_ENTRY, state);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the model " + file, e);
        }
    }

    /**
     * Reads a model {@link #save} wrote.
     *
     * @throws IllegalArgumentException if the file is not such a model
     */
    public static TrainedLstm load(Path file) {
        try {
            MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
            State state = ModelSerializer.getObjectFromFile(file.toFile(), STATE_ENTRY);
            if (state == null) {
                throw new IllegalArgumentException(file + " is not a Trendcast LSTM model");
            }
            return new TrainedLstm(network, state);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a readable Trendcast LSTM model: " + e.getMessage(), e);
        }
    }
}
