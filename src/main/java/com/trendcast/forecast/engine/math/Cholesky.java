package com.trendcast.forecast.engine.math;

/** Solves symmetric positive definite linear systems, as arising from normal equations. */
public final class Cholesky {

    private Cholesky() {
    }

    /**
     * Solves {@code a x = b} by the decomposition {@code a = L Lᵀ}. Only the lower triangle of {@code a} is read;
     * neither argument is modified.
     *
     * @throws ArithmeticException if {@code a} is not (numerically) positive definite
     */
    public static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] lower = new double[n][n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col <= row; col++) {
                double sum = a[row][col];
                for (int k = 0; k < col; k++) {
                    sum -= lower[row][k] * lower[col][k];
                }
                if (row == col) {
                    if (!(sum > 0)) {
                        throw new ArithmeticException("Matrix is not positive definite at pivot " + row);
                    }
                    lower[row][row] = Math.sqrt(sum);
                } else {
                    lower[row][col] = sum / lower[col][col];
                }
            }
        }
        double[] y = new double[n];
        for (int row = 0; row < n; row++) {
            double sum = b[row];
            for (int k = 0; k < row; k++) {
                sum -= lower[row][k] * y[k];
            }
            y[row] = sum / lower[row][row];
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = y[row];
            for (int k = row + 1; k < n; k++) {
                sum -= lower[k][row] * x[k];
            }
            x[row] = sum / lower[row][row];
        }
        return x;
    }
}
