package com.trendcast.forecast.engine.model;

import com.trendcast.forecast.engine.FittedModel;
import com.trendcast.forecast.engine.ForecastModel;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.math.NelderMead;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Exponential smoothing with optional (damped) trend and additive or multiplicative seasonality
 * (Holt–Winters in the component form of Hyndman &amp; Athanasopoulos, "Forecasting: Principles and Practice").
 * <p>
 * Smoothing parameters are estimated by minimising the in-sample one-step squared error with Nelder–Mead;
 * initial states come from the first two seasons. In automatic mode every feasible variant is fitted and the
 * one with the lowest AICc wins. Multiplicative seasonality is only considered for strictly positive data, and
 * histories shorter than two seasons fall back to non-seasonal Holt or simple exponential smoothing.
 */
public final class HoltWintersModel implements ForecastModel {

    /** Trend component. */
    public enum Trend { NONE, ADDITIVE, DAMPED }

    /** Seasonal component. */
    public enum Seasonality { NONE, ADDITIVE, MULTIPLICATIVE }

    /** A model variant: which components it has. */
    public record Variant(Trend trend, Seasonality seasonality) {
        @Override
        public String toString() {
            return "trend=" + trend + ", season=" + seasonality;
        }
    }

    private static final double MIN_SMOOTHING = 1e-4;
    private static final double MAX_SMOOTHING = 1 - 1e-4;
    private static final double MIN_DAMPING = 0.8;
    private static final double MAX_DAMPING = 0.98;
    /** Holt's linear trend needs a few points beyond the two that define the initial slope. */
    private static final int MIN_LENGTH_FOR_TREND = 4;
    private static final int INITIAL_TREND_POINTS = 10;
    private static final int MAX_EVALUATIONS_PER_PARAMETER = 150;
    private static final double TOLERANCE = 1e-9;

    /** Null in automatic mode. */
    private final Variant requested;

    private HoltWintersModel(Variant requested) {
        this.requested = requested;
    }

    /** Chooses trend and seasonality per series by AICc. */
    public static HoltWintersModel auto() {
        return new HoltWintersModel(null);
    }

    /**
     * A fixed variant. When the data cannot support it, it degrades: multiplicative seasonality to additive for
     * non-positive data, seasonality to none for histories under two seasons, trend to none under four points.
     */
    public static HoltWintersModel of(Trend trend, Seasonality seasonality) {
        return new HoltWintersModel(new Variant(trend, seasonality));
    }

    @Override
    public String name() {
        return requested == null ? "holt-winters"
                : "holt-winters(" + requested.trend().name().toLowerCase() + ","
                + requested.seasonality().name().toLowerCase() + ")";
    }

    @Override
    public Fit fit(TimeSeries history) {
        double[] values = ModelSupport.requireNonEmpty(history);
        int period = history.frequency().seasonalPeriod();
        Fit best = null;
        for (Variant variant : candidates(values, period)) {
            Fit fit = fitVariant(values, period, variant);
            if (best == null || fit.aicc() < best.aicc()) {
                best = fit;
            }
        }
        return best;
    }

    private List<Variant> candidates(double[] values, int period) {
        boolean seasonalPossible = period > 1 && values.length >= 2 * period;
        boolean positive = Arrays.stream(values).allMatch(value -> value > 0);
        boolean trendPossible = values.length >= MIN_LENGTH_FOR_TREND;
        if (requested != null) {
            Seasonality seasonality = requested.seasonality();
            if (seasonality == Seasonality.MULTIPLICATIVE && !positive) {
                seasonality = Seasonality.ADDITIVE;
            }
            if (!seasonalPossible) {
                seasonality = Seasonality.NONE;
            }
            return List.of(new Variant(trendPossible ? requested.trend() : Trend.NONE, seasonality));
        }
        List<Seasonality> seasonalities = new ArrayList<>();
        if (seasonalPossible) {
            seasonalities.add(Seasonality.ADDITIVE);
            if (positive) {
                seasonalities.add(Seasonality.MULTIPLICATIVE);
            }
        } else {
            seasonalities.add(Seasonality.NONE);
        }
        List<Trend> trends = trendPossible ? List.of(Trend.values()) : List.of(Trend.NONE);
        List<Variant> variants = new ArrayList<>();
        for (Seasonality seasonality : seasonalities) {
            for (Trend trend : trends) {
                variants.add(new Variant(trend, seasonality));
            }
        }
        return variants;
    }

    private static Fit fitVariant(double[] values, int period, Variant variant) {
        Smoother smoother = new Smoother(values, variant, variant.seasonality() == Seasonality.NONE ? 1 : period);
        int dimension = smoother.parameterCount();
        double[] start = new double[dimension];
        start[0] = logit(0.3, MIN_SMOOTHING, MAX_SMOOTHING);
        for (int i = 1; i < dimension; i++) {
            start[i] = logit(0.1, MIN_SMOOTHING, MAX_SMOOTHING);
        }
        if (variant.trend() == Trend.DAMPED) {
            start[dimension - 1] = logit(0.9, MIN_DAMPING, MAX_DAMPING);
        }
        NelderMead.Result result = NelderMead.minimize(smoother::sse, start, 1.0, TOLERANCE,
                MAX_EVALUATIONS_PER_PARAMETER * dimension);
        return smoother.finish(result.point());
    }

    private static double logistic(double z, double low, double high) {
        return low + (high - low) / (1 + Math.exp(-z));
    }

    private static double logit(double value, double low, double high) {
        double unit = (value - low) / (high - low);
        return Math.log(unit / (1 - unit));
    }

    /**
     * Runs the smoothing recursions for one variant. Parameters arrive unconstrained from the optimiser and are
     * mapped into their admissible ranges: α in (0,1), β = β*·α-free classical slope weight in (0,1),
     * γ in (0, 1-α) as required for a forecastable seasonal model, φ in [0.8, 0.98].
     */
    private static final class Smoother {
        private final double[] values;
        private final Variant variant;
        private final int period;
        private final double initialLevel;
        private final double initialTrend;
        private final double[] initialSeason;
        private final double[] season;

        Smoother(double[] values, Variant variant, int period) {
            this.values = values;
            this.variant = variant;
            this.period = period;
            this.season = new double[period];
            if (variant.seasonality() == Seasonality.NONE) {
                initialSeason = new double[]{0};
                double[] line = initialLine(values);
                boolean trended = variant.trend() != Trend.NONE;
                initialTrend = trended ? line[1] : 0;
                initialLevel = trended ? line[0] - line[1] : mean(values, 0, Math.min(values.length,
                        INITIAL_TREND_POINTS));
            } else {
                double firstMean = mean(values, 0, period);
                double secondMean = mean(values, period, 2 * period);
                double slope = (secondMean - firstMean) / period;
                initialSeason = initialSeason(values, period, firstMean, slope,
                        variant.seasonality() == Seasonality.MULTIPLICATIVE);
                boolean trended = variant.trend() != Trend.NONE;
                initialTrend = trended ? slope : 0;
                initialLevel = trended ? firstMean - slope * (period + 1) / 2.0 : firstMean;
            }
        }

        int parameterCount() {
            int count = 1;
            if (variant.trend() != Trend.NONE) {
                count++;
            }
            if (variant.seasonality() != Seasonality.NONE) {
                count++;
            }
            if (variant.trend() == Trend.DAMPED) {
                count++;
            }
            return count;
        }

        private double[] parameters(double[] z) {
            double alpha = logistic(z[0], MIN_SMOOTHING, MAX_SMOOTHING);
            int next = 1;
            double beta = 0;
            if (variant.trend() != Trend.NONE) {
                beta = logistic(z[next++], MIN_SMOOTHING, MAX_SMOOTHING);
            }
            double gamma = 0;
            if (variant.seasonality() != Seasonality.NONE) {
                gamma = (1 - alpha) * logistic(z[next++], MIN_SMOOTHING, MAX_SMOOTHING);
            }
            double phi = variant.trend() == Trend.DAMPED ? logistic(z[next], MIN_DAMPING, MAX_DAMPING)
                    : variant.trend() == Trend.ADDITIVE ? 1 : 0;
            return new double[]{alpha, beta, gamma, phi};
        }

        double sse(double[] z) {
            double[] p = parameters(z);
            return run(p[0], p[1], p[2], p[3], null);
        }

        /**
         * One pass of the recursions; returns the one-step SSE, or infinity when a multiplicative model leaves
         * its domain. When {@code finalState} is given it receives level and trend after the last period.
         */
        private double run(double alpha, double beta, double gamma, double phi, double[] finalState) {
            boolean multiplicative = variant.seasonality() == Seasonality.MULTIPLICATIVE;
            boolean seasonal = variant.seasonality() != Seasonality.NONE;
            System.arraycopy(initialSeason, 0, season, 0, period);
            double level = initialLevel;
            double trend = initialTrend;
            double sse = 0;
            for (int t = 0; t < values.length; t++) {
                double y = values[t];
                int slot = t % period;
                double previousLevel = level;
                double previous = level + phi * trend;
                double seasonal0 = season[slot];
                double fitted;
                if (multiplicative) {
                    if (!(previous > 0) || !(seasonal0 > 0)) {
                        return Double.POSITIVE_INFINITY;
                    }
                    fitted = previous * seasonal0;
                    level = alpha * y / seasonal0 + (1 - alpha) * previous;
                    season[slot] = gamma * y / previous + (1 - gamma) * seasonal0;
                } else {
                    fitted = previous + seasonal0;
                    level = alpha * (y - seasonal0) + (1 - alpha) * previous;
                    if (seasonal) {
                        season[slot] = gamma * (y - previous) + (1 - gamma) * seasonal0;
                    }
                }
                trend = beta * (level - previousLevel) + (1 - beta) * phi * trend;
                double error = y - fitted;
                sse += error * error;
            }
            if (finalState != null) {
                finalState[0] = level;
                finalState[1] = trend;
            }
            return Double.isFinite(sse) ? sse : Double.POSITIVE_INFINITY;
        }

        Fit finish(double[] z) {
            double[] p = parameters(z);
            double[] state = new double[2];
            double sse = run(p[0], p[1], p[2], p[3], state);
            int n = values.length;
            int seasonalStates = variant.seasonality() == Seasonality.NONE ? 0 : period - 1;
            int k = parameterCount() + 1 + (variant.trend() == Trend.NONE ? 0 : 1) + seasonalStates;
            double aic = n * Math.log(Math.max(sse / n, Double.MIN_NORMAL)) + 2 * k;
            double aicc = n - k - 1 > 0 ? aic + 2.0 * k * (k + 1) / (n - k - 1) : aic;
            if (!Double.isFinite(sse)) {
                aicc = Double.POSITIVE_INFINITY;
            }
            return new Fit(variant, p[0], p[1], p[2], variant.trend() == Trend.NONE ? 1 : p[3], sse, aicc,
                    state[0], state[1], season.clone(), n, values[n - 1]);
        }
    }

    /** Intercept at t = 0 and slope of a least-squares line through the first few points. */
    private static double[] initialLine(double[] values) {
        int count = Math.min(values.length, INITIAL_TREND_POINTS);
        if (count < 2) {
            return new double[]{values[0], 0};
        }
        double meanT = (count - 1) / 2.0;
        double meanY = mean(values, 0, count);
        double covariance = 0;
        double varianceT = 0;
        for (int t = 0; t < count; t++) {
            covariance += (t - meanT) * (values[t] - meanY);
            varianceT += (t - meanT) * (t - meanT);
        }
        double slope = covariance / varianceT;
        return new double[]{meanY - slope * meanT, slope};
    }

    /**
     * Seasonal indices averaged over the first two seasons after removing a straight line through the two
     * season means, normalised to sum to 0 (additive) or average 1 (multiplicative).
     */
    private static double[] initialSeason(double[] values, int period, double firstMean, double slope,
                                          boolean multiplicative) {
        double[] indices = new double[period];
        for (int i = 0; i < period; i++) {
            double sum = 0;
            for (int cycle = 0; cycle < 2; cycle++) {
                int t = cycle * period + i;
                double line = firstMean + (t - (period - 1) / 2.0) * slope;
                if (multiplicative) {
                    double seasonMean = cycle == 0 ? firstMean : firstMean + slope * period;
                    sum += values[t] / (line > 0 ? line : seasonMean);
                } else {
                    sum += values[t] - line;
                }
            }
            indices[i] = sum / 2;
        }
        double centre = mean(indices, 0, period);
        for (int i = 0; i < period; i++) {
            indices[i] = multiplicative ? indices[i] / centre : indices[i] - centre;
        }
        return indices;
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }

    /**
     * A fitted variant with its estimated parameters and final states.
     * Seasonal slot {@code i} holds the latest seasonal state for periods congruent to {@code i} modulo the period.
     */
    public static final class Fit implements FittedModel {
        private final Variant variant;
        private final double alpha;
        private final double beta;
        private final double gamma;
        private final double phi;
        private final double sse;
        private final double aicc;
        private final double level;
        private final double trend;
        private final double[] season;
        private final int historyLength;
        private final double lastValue;

        private Fit(Variant variant, double alpha, double beta, double gamma, double phi, double sse, double aicc,
                    double level, double trend, double[] season, int historyLength, double lastValue) {
            this.variant = variant;
            this.alpha = alpha;
            this.beta = beta;
            this.gamma = gamma;
            this.phi = phi;
            this.sse = sse;
            this.aicc = aicc;
            this.level = level;
            this.trend = trend;
            this.season = season;
            this.historyLength = historyLength;
            this.lastValue = lastValue;
        }

        public Variant variant() {
            return variant;
        }

        /** Level smoothing weight. */
        public double alpha() {
            return alpha;
        }

        /** Slope smoothing weight (classical form: weight of the latest level change); 0 without trend. */
        public double beta() {
            return beta;
        }

        /** Seasonal smoothing weight; 0 without seasonality. */
        public double gamma() {
            return gamma;
        }

        /** Trend damping; 1 for an undamped trend. */
        public double phi() {
            return phi;
        }

        /** In-sample one-step sum of squared errors. */
        public double sse() {
            return sse;
        }

        public double aicc() {
            return aicc;
        }

        @Override
        public double[] predict(int horizon, Map<String, double[]> futureCovariates) {
            ModelSupport.requireNonNegativeHorizon(horizon);
            double[] forecast = new double[horizon];
            int period = season.length;
            double trendSum = 0;
            double dampingPower = 1;
            for (int step = 1; step <= horizon; step++) {
                if (variant.trend() == Trend.DAMPED) {
                    dampingPower *= phi;
                    trendSum += dampingPower;
                } else {
                    trendSum = step;
                }
                double base = level + (variant.trend() == Trend.NONE ? 0 : trendSum * trend);
                double seasonal = season[(historyLength - 1 + step) % period];
                forecast[step - 1] = switch (variant.seasonality()) {
                    case NONE -> base;
                    case ADDITIVE -> base + seasonal;
                    case MULTIPLICATIVE -> base * seasonal;
                };
            }
            return ModelSupport.finiteOr(forecast, lastValue);
        }

        @Override
        public String toString() {
            return String.format("HoltWinters[%s, alpha=%.4f, beta=%.4f, gamma=%.4f, phi=%.4f, AICc=%.2f]",
                    variant, alpha, beta, gamma, phi, aicc);
        }
    }
}
