package com.trendcast.forecast.engine.global;

import com.trendcast.forecast.engine.math.RidgeRegression;

import java.util.Arrays;
import java.util.List;

/** Learns a regression from feature rows (column 0 is the intercept's constant 1) to scaled targets. */
public interface TabularLearner {

    Predictor fit(List<double[]> rows, double[] targets);

    interface Predictor {
        double predict(double[] row);

        /** Predictions for many rows at once, which batch learners answer much faster than row by row. */
        default double[] predictAll(List<double[]> rows) {
            return rows.stream().mapToDouble(this::predict).toArray();
        }
    }

    /** Ridge regression on standardised columns, the intercept unpenalised. */
    static TabularLearner ridge() {
        return (rows, targets) -> {
            Standardised standardised = Standardised.of(rows);
            double[][] design = rows.stream().map(standardised::apply).toArray(double[][]::new);
            boolean[] penalised = new boolean[design[0].length];
            Arrays.fill(penalised, true);
            penalised[0] = false;
            double[] coefficients = RidgeRegression.fit(design, targets, Standardised.RELATIVE_PENALTY * design.length,
                    penalised);
            return row -> RidgeRegression.predict(standardised.apply(row), coefficients);
        };
    }

    /** Column means and deviations of the training rows, the intercept column left as is. */
    record Standardised(double[] means, double[] deviations) {

        static final double RELATIVE_PENALTY = 1e-3;

        static Standardised of(List<double[]> rows) {
            int columns = rows.get(0).length;
            double[] means = new double[columns];
            double[] squares = new double[columns];
            for (double[] row : rows) {
                for (int j = 0; j < columns; j++) {
                    means[j] += row[j];
                    squares[j] += row[j] * row[j];
                }
            }
            double[] deviations = new double[columns];
            for (int j = 0; j < columns; j++) {
                means[j] /= rows.size();
                double variance = squares[j] / rows.size() - means[j] * means[j];
                deviations[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
            }
            means[0] = 0;
            deviations[0] = 1;
            return new Standardised(means, deviations);
        }

        double[] apply(double[] row) {
            double[] standardised = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                standardised[j] = (row[j] - means[j]) / deviations[j];
            }
            return standardised;
        }
    }
}
