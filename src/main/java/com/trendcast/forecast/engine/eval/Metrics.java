package com.trendcast.forecast.engine.eval;

/**
 * The single place where forecast accuracy is computed. The {@link Accumulator} pools pairs across folds and
 * series, so aggregated figures such as WAPE are ratios of sums rather than means of per-series ratios.
 */
public final class Metrics {

    private Metrics() {
    }

    /** Metrics of point forecasts; MASE, coverage and width are {@code NaN}. */
    public static AccuracyMetrics of(double[] actual, double[] forecast) {
        return of(actual, forecast, Double.NaN);
    }

    /** Metrics of point forecasts, with MASE scaled by {@code maseScale} (see {@link #maseScale}). */
    public static AccuracyMetrics of(double[] actual, double[] forecast, double maseScale) {
        requireSameLength(actual, forecast);
        Accumulator accumulator = new Accumulator();
        for (int i = 0; i < actual.length; i++) {
            accumulator.add(actual[i], forecast[i], maseScale);
        }
        return accumulator.result();
    }

    /** Metrics of interval forecasts, including coverage and mean width. */
    public static AccuracyMetrics of(double[] actual, double[] forecast, double[] lower, double[] upper,
                                     double maseScale) {
        requireSameLength(actual, forecast);
        requireSameLength(actual, lower);
        requireSameLength(actual, upper);
        Accumulator accumulator = new Accumulator();
        for (int i = 0; i < actual.length; i++) {
            accumulator.add(actual[i], forecast[i], maseScale);
            accumulator.addInterval(actual[i], lower[i], upper[i]);
        }
        return accumulator.result();
    }

    /**
     * MASE denominator: the in-sample MAE of the seasonal naive forecast {@code y[t] - y[t-period]}, or of the
     * naive forecast (lag 1) when the history is not longer than one season. {@code NaN} when the history is
     * too short or constant, because then no forecast can be compared to it.
     */
    public static double maseScale(double[] history, int seasonalPeriod) {
        int lag = history.length > seasonalPeriod ? seasonalPeriod : 1;
        if (history.length <= lag) {
            return Double.NaN;
        }
        double sum = 0;
        for (int t = lag; t < history.length; t++) {
            sum += Math.abs(history[t] - history[t - lag]);
        }
        double scale = sum / (history.length - lag);
        return scale > 0 ? scale : Double.NaN;
    }

    private static void requireSameLength(double[] expected, double[] other) {
        if (expected.length != other.length) {
            throw new IllegalArgumentException("Arrays differ in length: " + expected.length + " vs " + other.length);
        }
    }

    /** Running sums over (actual, forecast) pairs; merge accumulators to pool across folds or series. */
    public static final class Accumulator {
        private long count;
        private double sumSquaredError;
        private double sumAbsoluteError;
        private double sumError;
        private double sumAbsoluteActual;
        private double meanActual;
        private double actualSquaredDeviations;
        private double sumPercentageError;
        private long percentageCount;
        private double sumSymmetricError;
        private double sumScaledError;
        private long scaledCount;
        private long intervalCount;
        private long intervalHits;
        private double sumIntervalWidth;

        /** Adds one pair; {@code maseScale} may be {@code NaN}, leaving the pair out of MASE. */
        public void add(double actual, double forecast, double maseScale) {
            double error = forecast - actual;
            double absoluteError = Math.abs(error);
            count++;
            sumSquaredError += error * error;
            sumAbsoluteError += absoluteError;
            sumError += error;
            sumAbsoluteActual += Math.abs(actual);
            double delta = actual - meanActual;
            meanActual += delta / count;
            actualSquaredDeviations += delta * (actual - meanActual);
            if (actual != 0) {
                sumPercentageError += absoluteError / Math.abs(actual);
                percentageCount++;
            }
            double magnitude = Math.abs(actual) + Math.abs(forecast);
            if (magnitude > 0) {
                sumSymmetricError += 2 * absoluteError / magnitude;
            }
            if (maseScale > 0 && Double.isFinite(maseScale)) {
                sumScaledError += absoluteError / maseScale;
                scaledCount++;
            }
        }

        /** Records whether {@code actual} fell inside {@code [lower, upper]}. */
        public void addInterval(double actual, double lower, double upper) {
            intervalCount++;
            if (actual >= lower && actual <= upper) {
                intervalHits++;
            }
            sumIntervalWidth += upper - lower;
        }

        /** Adds everything accumulated by {@code other}. */
        public void merge(Accumulator other) {
            if (other.count > 0) {
                long total = count + other.count;
                double delta = other.meanActual - meanActual;
                actualSquaredDeviations += other.actualSquaredDeviations
                        + delta * delta * count * other.count / total;
                meanActual += delta * other.count / total;
                count = total;
            }
            sumSquaredError += other.sumSquaredError;
            sumAbsoluteError += other.sumAbsoluteError;
            sumError += other.sumError;
            sumAbsoluteActual += other.sumAbsoluteActual;
            sumPercentageError += other.sumPercentageError;
            percentageCount += other.percentageCount;
            sumSymmetricError += other.sumSymmetricError;
            sumScaledError += other.sumScaledError;
            scaledCount += other.scaledCount;
            intervalCount += other.intervalCount;
            intervalHits += other.intervalHits;
            sumIntervalWidth += other.sumIntervalWidth;
        }

        public AccuracyMetrics result() {
            double mse = ratio(sumSquaredError, count);
            double bias = ratio(sumError, count);
            return new AccuracyMetrics(count, mse, Math.sqrt(mse), ratio(sumAbsoluteError, count),
                    actualSquaredDeviations > 0 ? 1 - sumSquaredError / actualSquaredDeviations : Double.NaN,
                    ratio(sumPercentageError, percentageCount), count - percentageCount,
                    ratio(sumSymmetricError, count), ratio(sumAbsoluteError, sumAbsoluteActual),
                    ratio(sumScaledError, scaledCount), bias,
                    count > 0 && meanActual != 0 ? bias / meanActual : Double.NaN,
                    ratio(intervalHits, intervalCount), ratio(sumIntervalWidth, intervalCount));
        }

        private static double ratio(double numerator, double denominator) {
            return denominator > 0 ? numerator / denominator : Double.NaN;
        }
    }
}
