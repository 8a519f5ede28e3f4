package com.trendcast.forecast.engine.lstm;

import com.trendcast.forecast.engine.Covariate;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.global.CalendarInputs;
import com.trendcast.forecast.engine.global.GlobalForecastModel;
import com.trendcast.forecast.engine.global.RecentProfiles;
import com.trendcast.forecast.engine.global.SeriesScaling;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
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
 */
public final class LstmGlobalModel implements GlobalForecastModel {

    /**
     * Size and budget of the network.
     *
     * @param hiddenSize   LSTM units
     * @param maxWindows   most training windows, sampled once and reshuffled every epoch
     * @param maxEpochs    most passes over the sampled windows
     * @param patience     epochs without validation improvement before stopping
     * @param batchSize    sequences per gradient step
     * @param learningRate Adam step size
     * @param seed         seed of initialisation and sampling
     */
    public record Settings(int hiddenSize, int maxWindows, int maxEpochs, int patience, int batchSize,
                           double learningRate, long seed) {

        public Settings {
            if (hiddenSize < 1 || maxWindows < 1 || maxEpochs < 1 || patience < 1 || batchSize < 1
                    || !(learningRate > 0)) {
                throw new IllegalArgumentException("LSTM settings must be positive");
            }
        }

        /** Defaults that fit daily and weekly retail panels in a few minutes on one core. */
        public static Settings defaults() {
            return new Settings(32, 4_000, 15, 3, 128, 4e-3, 42);
        }

        public Settings withSeed(long newSeed) {
            return new Settings(hiddenSize, maxWindows, maxEpochs, patience, batchSize, learningRate, newSeed);
        }
    }

    /**
     * Inputs per step before calendar and covariates: target, observed, future, position, last year, its flag,
     * level, recent same-phase profile and the profile matched on the 0/1 covariates ({@link RecentProfiles}).
     */
    private static final int BASE_FEATURES = 9;
    /** Below this many windows there is no room for a validation split: train on all and skip early stopping. */
    private static final int MIN_WINDOWS_FOR_VALIDATION = 32;
    private static final int PREDICTION_BATCH = 256;
    private static final Logger log = LoggerFactory.getLogger(LstmGlobalModel.class);

    private final Settings settings;

    public LstmGlobalModel(Settings settings) {
        this.settings = settings;
    }

    /** The default network with the given seed. */
    public static LstmGlobalModel withSeed(long seed) {
        return new LstmGlobalModel(Settings.defaults().withSeed(seed));
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
        Panel panel = Panel.of(histories, horizon, futureCovariates);
        MultiLayerNetwork network = train(panel);
        List<double[]> forecasts = new ArrayList<>(histories.size());
        for (int from = 0; from < panel.size(); from += PREDICTION_BATCH) {
            int to = Math.min(panel.size(), from + PREDICTION_BATCH);
            List<long[]> windows = new ArrayList<>();
            for (int series = from; series < to; series++) {
                windows.add(new long[]{series, panel.series(series).length()});
            }
            INDArray output = network.output(panel.batch(windows).getFeatures());
            for (int row = 0; row < windows.size(); row++) {
                Panel.Series series = panel.series(from + row);
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

    private MultiLayerNetwork train(Panel panel) {
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
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(panel.featureCount()));
        network.init();
        DataSet validationSet = earlyStopping ? panel.batch(validation) : null;
        double bestWape = Double.POSITIVE_INFINITY;
        INDArray bestParameters = null;
        int epochsWithoutImprovement = 0;
        long started = System.nanoTime();
        for (int epoch = 0; epoch < settings.maxEpochs(); epoch++) {
            shuffle(sampled, random);
            for (int from = 0; from < sampled.size(); from += settings.batchSize()) {
                network.fit(panel.batch(sampled.subList(from, Math.min(sampled.size(), from + settings.batchSize()))));
            }
            if (!earlyStopping) {
                continue;
            }
            double wape = panel.wape(validation, network.output(validationSet.getFeatures()));
            log.info("LSTM epoch {}: {} windows, validation WAPE {}, {} s", epoch + 1, sampled.size(),
                    String.format("%.4f", wape), String.format("%.1f", (System.nanoTime() - started) / 1e9));
            if (wape < bestWape) {
                bestWape = wape;
                bestParameters = network.params().dup();
                epochsWithoutImprovement = 0;
            } else if (++epochsWithoutImprovement >= settings.patience()) {
                break;
            }
        }
        if (bestParameters != null) {
            network.setParams(bestParameters);
        }
        return network;
    }

    private MultiLayerConfiguration configuration(int inputs) {
        return new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(settings.learningRate()))
                .gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
                .gradientNormalizationThreshold(1.0)
                .list()
                .layer(new LSTM.Builder().nIn(inputs).nOut(settings.hiddenSize()).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nIn(settings.hiddenSize()).nOut(1).build())
                .build();
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

    /** The panel prepared for the network: scaled values, standardised covariates and calendar per period. */
    private static final class Panel {

        private final List<Series> series;
        private final int horizon;
        private final int window;
        private final int yearLag;
        private final int calendarCount;
        private final int covariateCount;

        private Panel(List<Series> series, int horizon, int window, int yearLag, int calendarCount,
                      int covariateCount) {
            this.series = series;
            this.horizon = horizon;
            this.window = window;
            this.yearLag = yearLag;
            this.calendarCount = calendarCount;
            this.covariateCount = covariateCount;
        }

        /** One series: history length, scale and per-period inputs over history and horizon. */
        private record Series(int length, double scale, double level, double[] scaled, double[][] covariates,
                              double[][] flags, LocalDate start, Frequency frequency) {
        }

        static Panel of(List<TimeSeries> histories, int horizon, List<Map<String, double[]>> futureCovariates) {
            Frequency frequency = histories.get(0).frequency();
            List<String> names = histories.get(0).covariates().values().stream()
                    .filter(Covariate::knownInAdvance).map(Covariate::name).toList();
            double[] means = new double[names.size()];
            double[] deviations = new double[names.size()];
            standardisation(histories, names, means, deviations);
            int yearLag = SeriesScaling.yearLag(frequency);
            double[] logLevels = new double[histories.size()];
            double[] scales = new double[histories.size()];
            for (int s = 0; s < histories.size(); s++) {
                scales[s] = SeriesScaling.scale(histories.get(s).values(), frequency);
                logLevels[s] = Math.log(scales[s]);
            }
            double logMean = mean(logLevels);
            double logDeviation = deviation(logLevels, logMean);
            List<Series> prepared = new ArrayList<>();
            for (int s = 0; s < histories.size(); s++) {
                TimeSeries history = histories.get(s);
                double[] scaled = history.values();
                for (int t = 0; t < scaled.length; t++) {
                    scaled[t] /= scales[s];
                }
                double[][] raw = new double[names.size()][history.length() + horizon];
                double[][] covariates = new double[names.size()][history.length() + horizon];
                for (int c = 0; c < names.size(); c++) {
                    Covariate covariate = history.covariates().get(names.get(c));
                    double[] future = futureCovariates.get(s).get(names.get(c));
                    if (covariate == null || future == null || future.length < horizon) {
                        throw new IllegalArgumentException("Series " + history.key() + " lacks known covariate "
                                + names.get(c) + " over the horizon");
                    }
                    for (int t = 0; t < history.length() + horizon; t++) {
                        raw[c][t] = t < history.length() ? covariate.valueAt(t) : future[t - history.length()];
                        covariates[c][t] = (raw[c][t] - means[c]) / deviations[c];
                    }
                }
                prepared.add(new Series(history.length(), scales[s], (logLevels[s] - logMean) / logDeviation,
                        scaled, covariates, RecentProfiles.flags(raw), history.start(), frequency));
            }
            int window = switch (frequency) {
                case DAY -> 28;
                case WEEK -> 16;
                case MONTH -> 12;
            };
            return new Panel(prepared, horizon, window, yearLag, CalendarInputs.size(frequency), names.size());
        }

        int size() {
            return series.size();
        }

        Series series(int index) {
            return series.get(index);
        }

        int horizon() {
            return horizon;
        }

        int window() {
            return window;
        }

        int featureCount() {
            return BASE_FEATURES + calendarCount + 2 * covariateCount;
        }

        /**
         * Sequences for {@code (series, origin)} pairs: {@code window} periods before the origin and
         * {@code horizon} from it. Labels (scaled actuals) exist where the series has values; the label mask
         * keeps the loss to the forecast steps.
         */
        DataSet batch(List<long[]> windows) {
            int rows = windows.size();
            int inputs = featureCount();
            int steps = window + horizon;
            float[] features = new float[rows * inputs * steps];
            float[] labels = new float[rows * steps];
            float[] mask = new float[rows * steps];
            for (int row = 0; row < rows; row++) {
                Series one = series.get((int) windows.get(row)[0]);
                int origin = (int) windows.get(row)[1];
                for (int step = 0; step < steps; step++) {
                    int t = origin - window + step;
                    int base = row * inputs * steps + step;
                    boolean observed = t >= 0 && t < origin;
                    boolean future = t >= origin;
                    features[base] = observed ? (float) one.scaled()[t] : 0f;
                    features[base + steps] = observed ? 1f : 0f;
                    features[base + 2 * steps] = future ? 1f : 0f;
                    features[base + 3 * steps] = future ? (float) (t - origin + 1) / horizon : 0f;
                    int lastYear = t - yearLag;
                    boolean lastYearKnown = lastYear >= 0 && lastYear < origin;
                    features[base + 4 * steps] = lastYearKnown ? (float) one.scaled()[lastYear] : 0f;
                    features[base + 5 * steps] = lastYearKnown ? 1f : 0f;
                    features[base + 6 * steps] = (float) one.level();
                    if (t >= 0) {
                        int phase = RecentProfiles.phase(one.frequency());
                        double profile = RecentProfiles.profile(one.scaled(), t, origin, phase, 1);
                        features[base + 7 * steps] = (float) profile;
                        features[base + 8 * steps] =
                                (float) RecentProfiles.matched(one.scaled(), one.flags(), t, origin, phase, profile);
                    }
                    double[] calendar = CalendarInputs.of(one.frequency().plus(one.start(), t), one.frequency());
                    for (int k = 0; k < calendar.length; k++) {
                        features[base + (BASE_FEATURES + k) * steps] = (float) calendar[k];
                    }
                    int covariateBase = BASE_FEATURES + calendarCount;
                    int covariateEnd = origin + horizon;
                    for (int c = 0; c < covariateCount; c++) {
                        double[] values = one.covariates()[c];
                        if (t >= 0) {
                            features[base + (covariateBase + 2 * c) * steps] = (float) values[t];
                            features[base + (covariateBase + 2 * c + 1) * steps] =
                                    (float) values[Math.min(t + 1, covariateEnd - 1)];
                        }
                    }
                    if (future && t < one.length()) {
                        labels[row * steps + step] = (float) one.scaled()[t];
                    }
                    mask[row * steps + step] = future ? 1f : 0f;
                }
            }
            return new DataSet(Nd4j.create(features, new long[]{rows, inputs, steps}, 'c'),
                    Nd4j.create(labels, new long[]{rows, 1, steps}, 'c'), null,
                    Nd4j.create(mask, new long[]{rows, steps}, 'c'));
        }

        /** WAPE in the series' own units of the network output for windows whose horizon lies in the history. */
        double wape(List<long[]> windows, INDArray output) {
            double absoluteError = 0;
            double absoluteActual = 0;
            for (int row = 0; row < windows.size(); row++) {
                Series one = series.get((int) windows.get(row)[0]);
                int origin = (int) windows.get(row)[1];
                for (int step = 0; step < horizon; step++) {
                    double actual = one.scaled()[origin + step] * one.scale();
                    double predicted = output.getDouble(row, 0, window + step) * one.scale();
                    absoluteError += Math.abs(predicted - actual);
                    absoluteActual += Math.abs(actual);
                }
            }
            return absoluteActual > 0 ? absoluteError / absoluteActual : absoluteError;
        }


        private static void standardisation(List<TimeSeries> histories, List<String> names, double[] means,
                                            double[] deviations) {
            for (int c = 0; c < names.size(); c++) {
                double sum = 0;
                double squares = 0;
                long count = 0;
                for (TimeSeries history : histories) {
                    Covariate covariate = history.covariates().get(names.get(c));
                    if (covariate == null) {
                        continue;
                    }
                    for (int t = 0; t < covariate.length(); t++) {
                        sum += covariate.valueAt(t);
                        squares += covariate.valueAt(t) * covariate.valueAt(t);
                        count++;
                    }
                }
                means[c] = count > 0 ? sum / count : 0;
                double variance = count > 0 ? squares / count - means[c] * means[c] : 0;
                deviations[c] = variance > 1e-12 ? Math.sqrt(variance) : 1;
            }
        }

        private static double mean(double[] values) {
            double sum = 0;
            for (double value : values) {
                sum += value;
            }
            return sum / values.length;
        }

        private static double deviation(double[] values, double mean) {
            double squares = 0;
            for (double value : values) {
                squares += (value - mean) * (value - mean);
            }
            double deviation = Math.sqrt(squares / values.length);
            return deviation > 1e-9 ? deviation : 1;
        }
    }
}
