package com.trendcast.forecast.engine.lstm;

import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.global.GlobalForecastModel;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One LSTM trained across all series of a panel (DL4J, CPU).
 * <p>
 * <b>Multi-step strategy: direct, sequence to sequence.</b> Each sample is one sequence of {@code window}
 * history periods followed by the {@code horizon} forecast periods. History steps carry the scaled target;
 * forecast steps carry no target but do carry the calendar and the known covariates of that very period (and of
 * the next one, so the day before a closure is recognisable). The network emits an output at every step and the
 * loss is masked to the forecast steps, so all {@code horizon} values come from one pass. Direct rather than
 * recursive because retail horizons are long (weeks) and promotions, holidays and closures are known for every
 * future period: a recursive model would feed its own errors back for dozens of steps and could not use the
 * future covariates beyond the next step.
 * <p>
 * <b>Scaling.</b> Each series is divided by the mean of its non-zero values over its last year, so one network
 * serves stores of any size; the logarithm of that level, standardised across the panel, is a static input so
 * big and small stores may still behave differently. The same period one year earlier (364 days, 52 weeks,
 * 12 months, scaled the same way) is an input at every step, which carries yearly seasonality and holiday shape,
 * and so are the recent same-weekday median and the median of recent periods with the same 0/1 covariates
 * ({@link RecentProfiles}): handed over explicitly, these series-specific weekday and promotion effects cut the
 * Rossmann holdout WAPE by about a quarter compared with leaving the network to derive them from the window.
 * Covariates are standardised across the panel.
 * <p>
 * <b>Layers.</b> {@code LSTM} then {@code RnnOutputLayer} (one output per step, identity activation), the
 * sequence form of LSTM + output layer: with a label mask it trains all horizon steps at once, which a
 * {@code LastTimeStep} head emitting {@code horizon} values could only do without per-step covariates.
 * <p>
 * <b>Training.</b> Windows are sampled (at most {@link Settings#maxWindows()}) from every series' history,
 * targets ending before the last {@code horizon} periods; the window ending with each series is the
 * time-ordered validation set for early stopping on WAPE, and the best epoch's weights are kept. Adam, MSE on
 * the scaled target, element-wise gradient clipping. The seed fixes initialisation and sampling, so runs on one
 * thread repeat exactly.
 * <p>
 * <b>Fit and forecast apart.</b> {@link #fit} returns a {@link TrainedLstm} that forecasts new histories without
 * retraining and is saved to and loaded from a file; it reports progress to a {@link TrainingListener}, stops
 * within one batch when cancelled and writes a checkpoint after every epoch that a later {@code fit} resumes
 * from ({@link TrainingControl}). {@link #forecast} is fit followed by forecast on the same panel.
 */
public final class LstmGlobalModel implements GlobalForecastModel {

    /**
     * Architecture and training budget of the network; every value is checked, so a settings object is usable.
     *
     * @param layers        stacked LSTM layers, 1 to {@value #MAX_LAYERS}
     * @param hiddenSize    units per LSTM layer, 1 to {@value #MAX_UNITS}
     * @param dropout       share of LSTM inputs dropped during training, 0 (none) to {@value #MAX_DROPOUT}
     * @param maxWindows    most training windows, sampled once and reshuffled every epoch
     * @param maxEpochs     most passes over the sampled windows, 1 to {@value #MAX_EPOCHS}
     * @param patience      epochs without validation improvement before stopping
     * @param batchSize     sequences per gradient step, 1 to {@value #MAX_BATCH}
     * @param learningRate  Adam step size, above 0 and at most 1
     * @param historyWindow periods of history each sequence reads; 0 for the frequency's default
     *                      ({@link #defaultWindow}), otherwise 2 to {@value #MAX_WINDOW}
     * @param seed          seed of initialisation and sampling
     */
    public record Settings(int layers, int hiddenSize, double dropout, int maxWindows, int maxEpochs, int patience,
                           int batchSize, double learningRate, int historyWindow, long seed) implements Serializable {

        public static final int MAX_LAYERS = 3;
        public static final int MAX_UNITS = 1024;
        public static final double MAX_DROPOUT = 0.9;
        public static final int MAX_EPOCHS = 10_000;
        public static final int MAX_BATCH = 4096;
        public static final int MAX_WINDOW = 1000;

        public Settings {
            if (layers < 1 || layers > MAX_LAYERS) {
                throw new IllegalArgumentException("LSTM layers must be 1 to " + MAX_LAYERS + ": " + layers);
            }
            if (hiddenSize < 1 || hiddenSize > MAX_UNITS) {
                throw new IllegalArgumentException("LSTM units must be 1 to " + MAX_UNITS + ": " + hiddenSize);
            }
            if (!(dropout >= 0 && dropout <= MAX_DROPOUT)) {
                throw new IllegalArgumentException("LSTM dropout must be 0 to " + MAX_DROPOUT + ": " + dropout);
            }
            if (maxWindows < 1 || patience < 1) {
                throw new IllegalArgumentException("LSTM windows and patience must be positive");
            }
            if (maxEpochs < 1 || maxEpochs > MAX_EPOCHS) {
                throw new IllegalArgumentException("LSTM epochs must be 1 to " + MAX_EPOCHS + ": " + maxEpochs);
            }
            if (batchSize < 1 || batchSize > MAX_BATCH) {
                throw new IllegalArgumentException("LSTM batch size must be 1 to " + MAX_BATCH + ": " + batchSize);
            }
            if (!(learningRate > 0 && learningRate <= 1)) {
                throw new IllegalArgumentException("LSTM learning rate must be above 0 and at most 1: "
                        + learningRate);
            }
            if (historyWindow != 0 && (historyWindow < 2 || historyWindow > MAX_WINDOW)) {
                throw new IllegalArgumentException("LSTM history window must be 0 (automatic) or 2 to "
                        + MAX_WINDOW + ": " + historyWindow);
            }
        }

        /** One layer without dropout and the frequency's window: the network the forecast engine always had. */
        public Settings(int hiddenSize, int maxWindows, int maxEpochs, int patience, int batchSize,
                        double learningRate, long seed) {
            this(1, hiddenSize, 0, maxWindows, maxEpochs, patience, batchSize, learningRate, 0, seed);
        }

        /** Defaults that fit daily and weekly retail panels in a few minutes on one core. */
        public static Settings defaults() {
            return new Settings(32, 4_000, 15, 3, 128, 4e-3, 42);
        }

        public Settings withSeed(long newSeed) {
            return new Settings(layers, hiddenSize, dropout, maxWindows, maxEpochs, patience, batchSize,
                    learningRate, historyWindow, newSeed);
        }

        /** The history window used for series of {@code frequency}. */
        public int windowFor(Frequency frequency) {
            return historyWindow > 0 ? historyWindow : defaultWindow(frequency);
        }
    }

    /** Below this many windows there is no room for a validation split: train on all and skip early stopping. */
    private static final int MIN_WINDOWS_FOR_VALIDATION = 32;
    private static final String CHECKPOINT_STATE = "trendcast-lstm-checkpoint";
    private static final Logger log = LoggerFactory.getLogger(LstmGlobalModel.class);

    private final Settings settings;

    public LstmGlobalModel(Settings settings) {
        this.settings = settings;
    }

    /** The default network with the given seed. */
    public static LstmGlobalModel withSeed(long seed) {
        return new LstmGlobalModel(Settings.defaults().withSeed(seed));
    }

    /** Periods of history a sequence reads by default: four weeks of days, 16 weeks, a year of months. */
    public static int defaultWindow(Frequency frequency) {
        return LstmPanel.defaultWindow(frequency);
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "lstm";
    }

    @Override
    public List<double[]> forecast(List<TimeSeries> histories, int horizon,
                                   List<Map<String, double[]>> futureCovariates) {
        if (horizon < 1) {
            throw new IllegalArgumentException("Horizon must be positive: " + horizon);
        }
        if (histories.isEmpty()) {
            return List.of();
        }
        return fit(histories, horizon, futureCovariates, TrainingControl.none()).forecast(histories, futureCovariates);
    }

    /**
     * The most sequence steps one training of this network on {@code histories} passes through: its sampled
     * windows times their length (history window plus horizon) times the epochs. Training time grows in proportion
     * (early stopping may end it sooner); it depends on the horizon and hardly on the number of series, since the
     * windows are sampled up to {@link Settings#maxWindows()}.
     */
    public long trainingSteps(List<TimeSeries> histories, int horizon) {
        if (histories.isEmpty()) {
            return 0;
        }
        int window = settings.windowFor(histories.get(0).frequency());
        long windows = 0;
        for (TimeSeries one : histories) {
            int lastTrainingOrigin = one.length() - 2 * horizon;
            int firstOrigin = Math.max(1, Math.min(window, lastTrainingOrigin));
            windows += Math.max(0, lastTrainingOrigin - firstOrigin + 1);
        }
        return Math.min(windows, settings.maxWindows()) * (long) (window + horizon) * settings.maxEpochs();
    }

    /**
     * Trains the network on the panel.
     *
     * @param histories        the panel; all of one frequency, at least one series
     * @param horizon          periods the model will forecast, at least 1
     * @param futureCovariates per series, the known-in-advance covariates over the horizon; the training reads
     *                         them only to tell which covariates are 0/1 flags, exactly as forecasting does
     * @param control          listener, cancellation and checkpoints
     * @throws TrainingCancelledException when {@code control} cancels
     * @throws TrainingDivergedException  when the loss becomes NaN or infinite while a listener follows the
     *                                    training (without one, as in {@link #forecast}, the loss is not read)
     * @throws IllegalStateException      when resuming from a checkpoint written for another panel or network
     */
    public TrainedLstm fit(List<TimeSeries> histories, int horizon, List<Map<String, double[]>> futureCovariates,
                           TrainingControl control) {
        if (horizon < 1) {
            throw new IllegalArgumentException("Horizon must be positive: " + horizon);
        }
        if (histories.isEmpty()) {
            throw new IllegalArgumentException("No series to train on");
        }
        Frequency frequency = histories.get(0).frequency();
        LstmPanel.Standardisation standardisation = LstmPanel.Standardisation.of(histories);
        LstmPanel panel = LstmPanel.of(histories, horizon, settings.windowFor(frequency), futureCovariates,
                standardisation);
        Training training = train(panel, control);
        return new TrainedLstm(training.network(), new TrainedLstm.State(settings, horizon, panel.window(),
                frequency, standardisation, training.epochs(), training.bestWape()));
    }

    /** The trained network, the epochs it took and its best validation WAPE ({@code NaN} without validation). */
    private record Training(MultiLayerNetwork network, int epochs, double bestWape) {
    }

    /**
     * What a checkpoint holds besides the network and its optimizer state: enough to continue exactly where the
     * epoch ended (the window order and the random generator included).
     */
    private record CheckpointState(String panel, int epochsDone, double bestWape, int epochsWithoutImprovement,
                                   float[] bestParameters, long[][] windows, Random random)
            implements Serializable {
    }

    private Training train(LstmPanel panel, TrainingControl control) {
        Random random = new Random(settings.seed());
        List<long[]> training = new ArrayList<>();
        List<long[]> validation = new ArrayList<>();
        int horizon = panel.horizon();
        for (int s = 0; s < panel.size(); s++) {
            int length = panel.series(s).length();
            int lastTrainingOrigin = length - 2 * horizon;
            int firstOrigin = Math.max(1, Math.min(panel.window(), lastTrainingOrigin));
            for (int origin = firstOrigin; origin <= lastTrainingOrigin; origin++) {
                training.add(new long[]{s, origin});
            }
            if (length - horizon >= 1) {
                validation.add(new long[]{s, length - horizon});
            }
        }
        boolean earlyStopping = training.size() >= MIN_WINDOWS_FOR_VALIDATION && !validation.isEmpty();
        if (!earlyStopping) {
            training.clear();
            for (int s = 0; s < panel.size(); s++) {
                for (int origin = 1; origin <= panel.series(s).length() - horizon; origin++) {
                    training.add(new long[]{s, origin});
                }
            }
            if (training.isEmpty()) {
                throw new IllegalArgumentException("Every series is shorter than the horizon plus one period");
            }
        }
        List<long[]> sampled = sample(training, settings.maxWindows(), random);
        MultiLayerNetwork network;
        DataSet validationSet = earlyStopping ? panel.batch(validation) : null;
        double bestWape = Double.POSITIVE_INFINITY;
        INDArray bestParameters = null;
        int epochsWithoutImprovement = 0;
        int firstEpoch = 0;
        CheckpointState resumed = control.resume() && Files.exists(control.checkpoint())
                ? readCheckpoint(control.checkpoint()) : null;
        if (resumed != null) {
            if (!resumed.panel().equals(panel.fingerprint())) {
                throw new IllegalStateException("The checkpoint was written for other data or another network");
            }
            network = restoreNetwork(control.checkpoint());
            firstEpoch = resumed.epochsDone();
            bestWape = resumed.bestWape();
            epochsWithoutImprovement = resumed.epochsWithoutImprovement();
            bestParameters = resumed.bestParameters() == null ? null
                    : Nd4j.create(resumed.bestParameters(), new long[]{1, resumed.bestParameters().length}, 'c');
            sampled = new ArrayList<>(List.of(resumed.windows()));
            random = resumed.random();
            control.listener().log("Resumed from the checkpoint after epoch " + firstEpoch);
        } else {
            network = new MultiLayerNetwork(configuration(panel.featureCount()));
            network.init();
        }
        boolean reporting = control.listener() != TrainingListener.NONE;
        int stepsPerEpoch = (sampled.size() + settings.batchSize() - 1) / settings.batchSize();
        int epochsRun = firstEpoch;
        long started = System.nanoTime();
        for (int epoch = firstEpoch; epoch < settings.maxEpochs(); epoch++) {
            shuffle(sampled, random);
            double lossSum = 0;
            int step = 0;
            for (int from = 0; from < sampled.size(); from += settings.batchSize()) {
                step++;
                if (control.cancelled().getAsBoolean()) {
                    throw new TrainingCancelledException(epoch + 1, step);
                }
                network.fit(panel.batch(sampled.subList(from, Math.min(sampled.size(), from + settings.batchSize()))));
                if (reporting) {
                    double loss = network.score();
                    if (!Double.isFinite(loss)) {
                        throw new TrainingDivergedException(epoch + 1, step, loss);
                    }
                    lossSum += loss;
                    control.listener().stepFinished(epoch + 1, step, stepsPerEpoch, loss);
                }
            }
            epochsRun = epoch + 1;
            double seconds = (System.nanoTime() - started) / 1e9;
            boolean stop = false;
            boolean best = false;
            double wape = Double.NaN;
            if (earlyStopping) {
                wape = panel.wape(validation, network.output(validationSet.getFeatures()));
                log.info("LSTM epoch {}: {} windows, validation WAPE {}, {} s", epoch + 1, sampled.size(),
                        String.format("%.4f", wape), String.format("%.1f", seconds));
                if (wape < bestWape) {
                    bestWape = wape;
                    bestParameters = network.params().dup();
                    epochsWithoutImprovement = 0;
                    best = true;
                } else if (++epochsWithoutImprovement >= settings.patience()) {
                    stop = true;
                }
            }
            if (reporting) {
                double validationLoss = earlyStopping ? network.score(validationSet) : Double.NaN;
                control.listener().epochFinished(new EpochReport(epoch + 1, settings.maxEpochs(),
                        lossSum / stepsPerEpoch, validationLoss, wape, best || !earlyStopping, seconds));
            }
            if (control.checkpoint() != null) {
                writeCheckpoint(control.checkpoint(), network, new CheckpointState(panel.fingerprint(), epoch + 1,
                        bestWape, epochsWithoutImprovement,
                        bestParameters == null ? null : bestParameters.toFloatVector(),
                        sampled.toArray(long[][]::new), random));
            }
            if (stop) {
                control.listener().log("Early stop after epoch " + (epoch + 1) + ": no validation improvement in "
                        + settings.patience() + " epochs");
                break;
            }
        }
        if (bestParameters != null) {
            network.setParams(bestParameters);
        }
        return new Training(network, epochsRun, earlyStopping ? bestWape : Double.NaN);
    }

    private MultiLayerConfiguration configuration(int inputs) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(settings.learningRate()))
                .gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
                .gradientNormalizationThreshold(1.0)
                .list();
        for (int layer = 0; layer < settings.layers(); layer++) {
            LSTM.Builder lstm = new LSTM.Builder().nIn(layer == 0 ? inputs : settings.hiddenSize())
                    .nOut(settings.hiddenSize()).activation(Activation.TANH);
            if (settings.dropout() > 0) {
                // DL4J takes the probability of keeping an input
                lstm.dropOut(1 - settings.dropout());
            }
            layers.layer(lstm.build());
        }
        return layers.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nIn(settings.hiddenSize()).nOut(1).build())
                .build();
    }

    private static void writeCheckpoint(Path file, MultiLayerNetwork network, CheckpointState state) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ModelSerializer.writeModel(network, partial.toFile(), true);
            ModelSerializer.addObjectToFile(partial.toFile(), CHECKPOINT_STATE, state);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the checkpoint " + file, e);
        }
    }

    private static CheckpointState readCheckpoint(Path file) {
        try {
            return ModelSerializer.getObjectFromFile(file.toFile(), CHECKPOINT_STATE);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The checkpoint " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    private static MultiLayerNetwork restoreNetwork(Path file) {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the checkpoint " + file, e);
        }
    }

    private static List<long[]> sample(List<long[]> windows, int limit, Random random) {
        List<long[]> copy = new ArrayList<>(windows);
        if (copy.size() <= limit) {
            return copy;
        }
        for (int i = 0; i < limit; i++) {
            int j = i + random.nextInt(copy.size() - i);
            long[] swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return new ArrayList<>(copy.subList(0, limit));
    }

    private static void shuffle(List<long[]> windows, Random random) {
        for (int i = windows.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long[] swap = windows.get(i);
            windows.set(i, windows.get(j));
            windows.set(j, swap);
        }
    }
}
