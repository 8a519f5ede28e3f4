package com.trendcast.pipeline.spec;

import com.trendcast.common.UserFacingException;

/**
 * The fitted scaling of one series, kept so forecasts made on the scaled target can be turned back into sales:
 * {@code scaled = transform(x)} and {@code x = invert(scaled)}.
 *
 * @param method  the scaling
 * @param offset  subtracted before dividing: the mean (standard), the minimum (min-max), else 0
 * @param divisor the standard deviation (standard), the range (min-max), else 1; a constant series gets 1 so
 *                it scales to zeros instead of dividing by zero
 */
public record ScalingParameters(Scaling method, double offset, double divisor) {

    /** Fits {@code method} to the values of one series; {@code seriesName} only names it in an error. */
    public static ScalingParameters fit(Scaling method, double[] values, String seriesName) {
        return switch (method) {
            case NONE -> new ScalingParameters(method, 0, 1);
            case LOG1P -> {
                for (double value : values) {
                    if (value <= -1) {
                        throw new UserFacingException("pipeline.scaling.log1pDomain", seriesName, value);
                    }
                }
                yield new ScalingParameters(method, 0, 1);
            }
            case STANDARD -> {
                double mean = Statistics.mean(values, 0, values.length);
                yield new ScalingParameters(method, mean, nonZero(Statistics.populationStd(values)));
            }
            case MIN_MAX -> {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double value : values) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
                yield values.length == 0 ? new ScalingParameters(method, 0, 1)
                        : new ScalingParameters(method, min, nonZero(max - min));
            }
        };
    }

    public double transform(double value) {
        return method == Scaling.LOG1P ? Math.log1p(value) : (value - offset) / divisor;
    }

    public double invert(double scaled) {
        return method == Scaling.LOG1P ? Math.expm1(scaled) : scaled * divisor + offset;
    }

    public double[] transform(double[] values) {
        double[] scaled = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = transform(values[i]);
        }
        return scaled;
    }

    public double[] invert(double[] scaled) {
        double[] values = new double[scaled.length];
        for (int i = 0; i < scaled.length; i++) {
            values[i] = invert(scaled[i]);
        }
        return values;
    }

    private static double nonZero(double spread) {
        return spread > 0 ? spread : 1;
    }
}
