package com.trendcast.forecast.engine.math;

import java.util.function.ToDoubleFunction;

/**
 * Derivative-free minimisation by the Nelder–Mead simplex method with the standard coefficients
 * (reflection 1, expansion 2, contraction ½, shrink ½).
 */
public final class NelderMead {

    /** Outcome of a minimisation. */
    public record Result(double[] point, double value, int evaluations) {
        public Result {
            point = point.clone();
        }

        @Override
        public double[] point() {
            return point.clone();
        }
    }

    private NelderMead() {
    }

    /**
     * Minimises {@code objective} starting from a simplex around {@code start} with edge {@code step} along each
     * axis. Stops when the spread of objective values across the simplex falls below {@code tolerance}
     * (relative to their magnitude) or after {@code maxEvaluations}. Non-finite objective values are treated as
     * worse than any finite value.
     */
    public static Result minimize(ToDoubleFunction<double[]> objective, double[] start, double step,
                                  double tolerance, int maxEvaluations) {
        int dimension = start.length;
        int vertices = dimension + 1;
        double[][] simplex = new double[vertices][];
        double[] values = new double[vertices];
        simplex[0] = start.clone();
        for (int i = 1; i < vertices; i++) {
            simplex[i] = start.clone();
            simplex[i][i - 1] += step;
        }
        int evaluations = 0;
        for (int i = 0; i < vertices; i++) {
            values[i] = evaluate(objective, simplex[i]);
            evaluations++;
        }
        double[] centroid = new double[dimension];
        double[] reflected = new double[dimension];
        double[] trial = new double[dimension];
        while (evaluations < maxEvaluations) {
            sort(simplex, values);
            double best = values[0];
            double worst = values[dimension];
            if (Math.abs(worst - best) <= tolerance * (Math.abs(best) + Math.abs(worst)) + 1e-300) {
                break;
            }
            for (int d = 0; d < dimension; d++) {
                double sum = 0;
                for (int i = 0; i < dimension; i++) {
                    sum += simplex[i][d];
                }
                centroid[d] = sum / dimension;
            }
            moveTowards(centroid, simplex[dimension], -1, reflected);
            double reflectedValue = evaluate(objective, reflected);
            evaluations++;
            if (reflectedValue < best) {
                moveTowards(centroid, simplex[dimension], -2, trial);
                double expandedValue = evaluate(objective, trial);
                evaluations++;
                if (expandedValue < reflectedValue) {
                    replaceWorst(simplex, values, trial, expandedValue);
                } else {
                    replaceWorst(simplex, values, reflected, reflectedValue);
                }
            } else if (reflectedValue < values[dimension - 1]) {
                replaceWorst(simplex, values, reflected, reflectedValue);
            } else {
                boolean outside = reflectedValue < worst;
                moveTowards(centroid, outside ? reflected : simplex[dimension], 0.5, trial);
                double contractedValue = evaluate(objective, trial);
                evaluations++;
                if (contractedValue < Math.min(reflectedValue, worst)) {
                    replaceWorst(simplex, values, trial, contractedValue);
                } else {
                    for (int i = 1; i < vertices; i++) {
                        moveTowards(simplex[0], simplex[i], 0.5, simplex[i]);
                        values[i] = evaluate(objective, simplex[i]);
                        evaluations++;
                    }
                }
            }
        }
        sort(simplex, values);
        return new Result(simplex[0], values[0], evaluations);
    }

    private static double evaluate(ToDoubleFunction<double[]> objective, double[] point) {
        double value = objective.applyAsDouble(point);
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
    }

    /** {@code out = from + fraction · (to - from)}; a negative fraction moves away from {@code to}. */
    private static void moveTowards(double[] from, double[] to, double fraction, double[] out) {
        for (int d = 0; d < from.length; d++) {
            out[d] = from[d] + fraction * (to[d] - from[d]);
        }
    }

    private static void replaceWorst(double[][] simplex, double[] values, double[] point, double value) {
        int worst = values.length - 1;
        System.arraycopy(point, 0, simplex[worst], 0, point.length);
        values[worst] = value;
    }

    private static void sort(double[][] simplex, double[] values) {
        for (int i = 1; i < values.length; i++) {
            double value = values[i];
            double[] vertex = simplex[i];
            int j = i - 1;
            while (j >= 0 && values[j] > value) {
                values[j + 1] = values[j];
                simplex[j + 1] = simplex[j];
                j--;
            }
            values[j + 1] = value;
            simplex[j + 1] = vertex;
        }
    }
}
