package com.trendcast.forecast.engine.math;

/**
 * Ridge regression by its normal equations {@code (XᵀX + λP) β = Xᵀy}, where {@code P} is diagonal with 1 for
 * penalised columns and 0 otherwise (typically the intercept is not penalised).
 */
public final class RidgeRegression {

    /** Relative diagonal load added when the system is singular, e.g. an unpenalised all-zero column. */
    private static final double SINGULAR_JITTER = 1e-9;

    private final double[][] gram;
    private final double[] moment;

    private RidgeRegression(double[][] gram, double[] moment) {
        this.gram = gram;
        this.moment = moment;
    }

    /**
     * Accumulates {@code XᵀX} and {@code Xᵀy} over rows {@code [fromRow, toRow)} once, so that several penalties
     * can be solved without another pass over the data.
     */
    public static RidgeRegression of(double[][] design, double[] target, int fromRow, int toRow) {
        int columns = design[fromRow].length;
        double[][] gram = new double[columns][columns];
        double[] moment = new double[columns];
        for (int row = fromRow; row < toRow; row++) {
            double[] x = design[row];
            double y = target[row];
            for (int i = 0; i < columns; i++) {
                double xi = x[i];
                if (xi == 0) {
                    continue;
                }
                moment[i] += xi * y;
                double[] gramRow = gram[i];
                for (int j = 0; j <= i; j++) {
                    gramRow[j] += xi * x[j];
                }
            }
        }
        return new RidgeRegression(gram, moment);
    }

    /** Shorthand for fitting all rows with one penalty. */
    public static double[] fit(double[][] design, double[] target, double lambda, boolean[] penalised) {
        return of(design, target, 0, design.length).solve(lambda, penalised);
    }

    /**
     * Coefficients minimising {@code |y - Xβ|² + λ Σ_penalised β_j²}.
     *
     * @param lambda    penalty, at least 0
     * @param penalised per column, whether the penalty applies
     */
    public double[] solve(double lambda, boolean[] penalised) {
        if (lambda < 0) {
            throw new IllegalArgumentException("lambda must be non-negative: " + lambda);
        }
        int columns = moment.length;
        double[][] system = new double[columns][];
        double trace = 0;
        for (int i = 0; i < columns; i++) {
            system[i] = gram[i].clone();
            if (penalised[i]) {
                system[i][i] += lambda;
            }
            trace += system[i][i];
        }
        try {
            return Cholesky.solve(system, moment);
        } catch (ArithmeticException singular) {
            double jitter = SINGULAR_JITTER * Math.max(1, trace / Math.max(1, columns));
            for (int i = 0; i < columns; i++) {
                system[i][i] += jitter;
            }
            return Cholesky.solve(system, moment);
        }
    }

    /** {@code x·β} for one row. */
    public static double predict(double[] row, double[] coefficients) {
        double sum = 0;
        for (int i = 0; i < coefficients.length; i++) {
            sum += row[i] * coefficients[i];
        }
        return sum;
    }
}
