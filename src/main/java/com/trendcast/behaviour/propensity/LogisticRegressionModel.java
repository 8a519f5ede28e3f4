package com.trendcast.behaviour.propensity;

import com.trendcast.forecast.engine.math.Cholesky;

/**
 * Class-weighted, L2-regularised logistic regression fitted by Newton's method (IRLS): the honest
 * baseline every propensity model has to beat.
 */
public final class LogisticRegressionModel implements PropensityModel {

    private static final int MAX_ITERATIONS = 50;
    private static final double PENALTY = 1e-2;
    private static final double TOLERANCE = 1e-8;

    @Override
    public String name() {
        return "logistic";
    }

    @Override
    public Trained fit(float[][] x, boolean[] y, float[][] validationX, boolean[] validationY, long seed) {
        int p = x[0].length + 1;
        double weight = PropensityModel.balancingWeight(y);
        double[] beta = new double[p];
        double[] row = new double[p];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[][] hessian = new double[p][p];
            double[] gradient = new double[p];
            for (int i = 0; i < x.length; i++) {
                row[0] = 1;
                for (int j = 1; j < p; j++) {
                    row[j] = x[i][j - 1];
                }
                double mu = sigmoid(dot(beta, row));
                double w = y[i] ? weight : 1;
                double residual = w * ((y[i] ? 1 : 0) - mu);
                double curvature = w * mu * (1 - mu);
                for (int a = 0; a < p; a++) {
                    gradient[a] += residual * row[a];
                    double ca = curvature * row[a];
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += ca * row[b];
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[b][a] = hessian[a][b];
                }
                if (a > 0) {
                    gradient[a] -= PENALTY * beta[a];
                    hessian[a][a] += PENALTY;
                }
                hessian[a][a] += 1e-9;
            }
            double[] step = Cholesky.solve(hessian, gradient);
            double change = 0;
            for (int a = 0; a < p; a++) {
                beta[a] += step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        double[] coefficients = beta.clone();
        return features -> {
            double[] probabilities = new double[features.length];
            for (int i = 0; i < features.length; i++) {
                double z = coefficients[0];
                for (int j = 1; j < coefficients.length; j++) {
                    z += coefficients[j] * features[i][j - 1];
                }
                probabilities[i] = PropensityModel.correctForWeight(sigmoid(z), weight);
            }
            return probabilities;
        };
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
