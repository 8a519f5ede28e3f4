package com.trendcast.forecast.engine.lstm;

import com.trendcast.forecast.engine.Covariate;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.global.CalendarInputs;
import com.trendcast.forecast.engine.global.RecentProfiles;
import com.trendcast.forecast.engine.global.SeriesScaling;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A panel prepared for the network: scaled values, standardised covariates and calendar per period. The
 * panel-wide standardisation is learnt once from the training histories ({@link Standardisation#of}) and kept
 * with a trained model, so forecasting later prepares new histories exactly as training did.
 */
final class LstmPanel {

    /**
     * Inputs per step before calendar and covariates: target, observed, future, position, last year, its flag,
     * level, recent same-phase profile and the profile matched on the 0/1 covariates ({@link RecentProfiles}).
     */
    static final int BASE_FEATURES = 9;

    private final List<Series> series;
    private final int horizon;
    private final int window;
    private final int yearLag;
    private final int calendarCount;
    private final int covariateCount;

    private LstmPanel(List<Series> series, int horizon, int window, int yearLag, int calendarCount,
                      int covariateCount) {
        this.series = series;
        this.horizon = horizon;
        this.window = window;
        this.yearLag = yearLag;
        this.calendarCount = calendarCount;
        this.covariateCount = covariateCount;
    }

    /**
     * Panel-wide standardisation learnt from the training histories.
     *
     * @param covariates   names of the known-in-advance covariates the network reads, in input order
     * @param means        their means over the training histories
     * @param deviations   their standard deviations (1 where constant)
     * @param logMean      mean of the logarithm of the series scales
     * @param logDeviation standard deviation of those logarithms (1 where all are equal)
     */
    record Standardisation(List<String> covariates, double[] means, double[] deviations, double logMean,
                           double logDeviation) implements Serializable {

        Standardisation {
            covariates = List.copyOf(covariates);
            means = means.clone();
            deviations = deviations.clone();
        }

        static Standardisation of(List<TimeSeries> histories) {
            Frequency frequency = histories.get(0).frequency();
            List<String> names = histories.get(0).covariates().values().stream()
                    .filter(Covariate::knownInAdvance).map(Covariate::name).toList();
            double[] means = new double[names.size()];
            double[] deviations = new double[names.size()];
            covariateMoments(histories, names, means, deviations);
            double[] logLevels = new double[histories.size()];
            for (int s = 0; s < histories.size(); s++) {
                logLevels[s] = Math.log(SeriesScaling.scale(histories.get(s).values(), frequency));
            }
            double logMean = mean(logLevels);
            return new Standardisation(names, means, deviations, logMean, deviation(logLevels, logMean));
        }
    }

    /** One series: history length, scale and per-period inputs over history and horizon. */
    record Series(int length, double scale, double level, double[] scaled, double[][] covariates,
                  double[][] flags, LocalDate start, Frequency frequency) {
    }

    /** The history window the network reads when the settings leave it to the frequency. */
    static int defaultWindow(Frequency frequency) {
        return switch (frequency) {
            case DAY -> 28;
            case WEEK -> 16;
            case MONTH -> 12;
        };
    }

    static LstmPanel of(List<TimeSeries> histories, int horizon, int window, List<Map<String, double[]>> futureCovariates,
                        Standardisation standardisation) {
        Frequency frequency = histories.get(0).frequency();
        List<String> names = standardisation.covariates();
        List<Series> prepared = new ArrayList<>();
        for (int s = 0; s < histories.size(); s++) {
            TimeSeries history = histories.get(s);
            double scale = SeriesScaling.scale(history.values(), frequency);
            double[] scaled = history.values();
            for (int t = 0; t < scaled.length; t++) {
                scaled[t] /= scale;
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
                    covariates[c][t] = (raw[c][t] - standardisation.means()[c]) / standardisation.deviations()[c];
                }
            }
            double level = (Math.log(scale) - standardisation.logMean()) / standardisation.logDeviation();
            prepared.add(new Series(history.length(), scale, level, scaled, covariates, RecentProfiles.flags(raw),
                    history.start(), frequency));
        }
        return new LstmPanel(prepared, horizon, window, SeriesScaling.yearLag(frequency),
                CalendarInputs.size(frequency), names.size());
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

    /** Identifies the panel's shape, so a checkpoint is only resumed on the panel it was written for. */
    String fingerprint() {
        StringBuilder text = new StringBuilder().append(horizon).append('/').append(window).append('/')
                .append(featureCount());
        for (Series one : series) {
            text.append('/').append(one.length()).append('@').append(one.start());
        }
        return Integer.toHexString(text.toString().hashCode()) + "-" + series.size();
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


    private static void covariateMoments(List<TimeSeries> histories, List<String> names, double[] means,
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
