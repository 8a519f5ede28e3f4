package com.trendcast.behaviour.propensity;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.HashMap;
import java.util.Map;

/**
 * Gradient-boosted trees (XGBoost) with positives weighted to balance the classes and early stopping
 * on the validation rows' ROC AUC.
 */
public final class GradientBoostingModel implements PropensityModel {

    private static final int MAX_ROUNDS = 1000;
    private static final int EARLY_STOPPING_ROUNDS = 50;

    @Override
    public String name() {
        return "xgboost";
    }

    @Override
    public Trained fit(float[][] x, boolean[] y, float[][] validationX, boolean[] validationY, long seed) {
        double weight = PropensityModel.balancingWeight(y);
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("eval_metric", "auc");
        params.put("eta", 0.03);
        params.put("max_depth", 4);
        params.put("min_child_weight", 2);
        params.put("subsample", 0.8);
        params.put("colsample_bytree", 0.8);
        params.put("lambda", 1.0);
        params.put("scale_pos_weight", weight);
        params.put("seed", (int) seed);
        params.put("nthread", Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        try {
            DMatrix train = matrix(x, y);
            DMatrix validation = matrix(validationX, validationY);
            Map<String, DMatrix> watches = new HashMap<>();
            watches.put("validation", validation);
            Booster booster = XGBoost.train(train, params, MAX_ROUNDS, watches, null, null, null, EARLY_STOPPING_ROUNDS);
            return features -> predict(booster, features, weight);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        }
    }

    private static double[] predict(Booster booster, float[][] features, double weight) {
        try {
            float[][] raw = booster.predict(matrix(features, null));
            double[] probabilities = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                probabilities[i] = PropensityModel.correctForWeight(raw[i][0], weight);
            }
            return probabilities;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
    }

    static DMatrix matrix(float[][] x, boolean[] y) throws XGBoostError {
        int columns = x.length == 0 ? 0 : x[0].length;
        float[] flat = new float[x.length * columns];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, flat, i * columns, columns);
        }
        DMatrix matrix = new DMatrix(flat, x.length, columns, Float.NaN);
        if (y != null) {
            float[] labels = new float[y.length];
            for (int i = 0; i < y.length; i++) {
                labels[i] = y[i] ? 1f : 0f;
            }
            matrix.setLabel(labels);
        }
        return matrix;
    }
}
