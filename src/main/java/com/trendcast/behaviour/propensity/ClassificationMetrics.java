package com.trendcast.behaviour.propensity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How well predicted probabilities separate buyers from non-buyers: threshold-free ROC AUC and PR AUC
 * (average precision), and at a chosen threshold the confusion matrix, accuracy, precision, recall, F1.
 */
public record ClassificationMetrics(double threshold, long truePositives, long falsePositives, long trueNegatives,
                                    long falseNegatives, double rocAuc, double prAuc, List<RocPoint> rocCurve) {

    public record RocPoint(double falsePositiveRate, double truePositiveRate, double threshold) {
    }

    public static ClassificationMetrics of(boolean[] actual, double[] probability, double threshold) {
        if (actual.length != probability.length || actual.length == 0) {
            throw new IllegalArgumentException("need as many probabilities as labels, at least one");
        }
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < actual.length; i++) {
            boolean predicted = probability[i] >= threshold;
            if (predicted && actual[i]) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (actual[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        Integer[] order = IntStream.range(0, actual.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> probability[i]).reversed());
        long positives = tp + fn;
        long negatives = fp + tn;
        List<RocPoint> curve = new ArrayList<>();
        curve.add(new RocPoint(0, 0, Double.POSITIVE_INFINITY));
        double auc = 0;
        double averagePrecision = 0;
        long seenTrue = 0;
        long seenFalse = 0;
        int i = 0;
        while (i < order.length) {
            double score = probability[order[i]];
            long groupTrue = 0;
            long groupFalse = 0;
            while (i < order.length && probability[order[i]] == score) {
                if (actual[order[i]]) {
                    groupTrue++;
                } else {
                    groupFalse++;
                }
                i++;
            }
            // tied scores form one step: trapezoid for ROC, one precision for the recall gained
            double previousTpr = positives == 0 ? 0 : (double) seenTrue / positives;
            double previousFpr = negatives == 0 ? 0 : (double) seenFalse / negatives;
            seenTrue += groupTrue;
            seenFalse += groupFalse;
            double tpr = positives == 0 ? 0 : (double) seenTrue / positives;
            double fpr = negatives == 0 ? 0 : (double) seenFalse / negatives;
            auc += (fpr - previousFpr) * (tpr + previousTpr) / 2;
            if (groupTrue > 0) {
                averagePrecision += (tpr - previousTpr) * seenTrue / (double) (seenTrue + seenFalse);
            }
            curve.add(new RocPoint(fpr, tpr, score));
        }
        return new ClassificationMetrics(threshold, tp, fp, tn, fn,
                positives == 0 || negatives == 0 ? Double.NaN : auc,
                positives == 0 ? Double.NaN : averagePrecision, List.copyOf(curve));
    }

    public long total() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    public double accuracy() {
        return (double) (truePositives + trueNegatives) / total();
    }

    public double precision() {
        long predicted = truePositives + falsePositives;
        return predicted == 0 ? 0 : (double) truePositives / predicted;
    }

    public double recall() {
        long positives = truePositives + falseNegatives;
        return positives == 0 ? 0 : (double) truePositives / positives;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
