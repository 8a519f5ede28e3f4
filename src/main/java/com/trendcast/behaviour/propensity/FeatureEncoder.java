package com.trendcast.behaviour.propensity;

import com.trendcast.common.UserFacingException;
import com.trendcast.dataset.read.value.ValueFormatException;
import com.trendcast.dataset.read.value.ValueParsers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns session rows into numbers, learned on the training rows only: a column whose values all read
 * as numbers (or true/false) is numeric, any other is categorical and one-hot encoded (its most
 * frequent levels, the rest sharing one "other" slot). Non-negative numeric columns are log1p-
 * transformed (durations and page values are heavily skewed) and every numeric column is
 * standardised, which the logistic and neural models need and the trees ignore.
 */
public final class FeatureEncoder {

    private static final int MAX_LEVELS = 30;

    private final List<String> inputNames;
    private final boolean[] numeric;
    private final boolean[] logTransform;
    private final double[] mean;
    private final double[] scale;
    private final List<Map<String, Integer>> levels;
    private final List<String> outputNames;

    private FeatureEncoder(List<String> inputNames, boolean[] numeric, boolean[] logTransform, double[] mean,
                           double[] scale, List<Map<String, Integer>> levels, List<String> outputNames) {
        this.inputNames = inputNames;
        this.numeric = numeric;
        this.logTransform = logTransform;
        this.mean = mean;
        this.scale = scale;
        this.levels = levels;
        this.outputNames = outputNames;
    }

    public static FeatureEncoder fit(LabelledTable table) {
        int columns = table.featureNames().size();
        boolean[] numeric = new boolean[columns];
        boolean[] logTransform = new boolean[columns];
        double[] mean = new double[columns];
        double[] scale = new double[columns];
        List<Map<String, Integer>> levels = new ArrayList<>();
        List<String> outputNames = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            numeric[c] = allNumeric(table, c);
            if (numeric[c]) {
                double min = Double.POSITIVE_INFINITY;
                for (String[] row : table.rows()) {
                    min = Math.min(min, raw(row[c]));
                }
                logTransform[c] = min >= 0;
                double sum = 0;
                double sumSquares = 0;
                for (String[] row : table.rows()) {
                    double v = transform(raw(row[c]), logTransform[c]);
                    sum += v;
                    sumSquares += v * v;
                }
                int n = table.size();
                mean[c] = sum / n;
                double variance = sumSquares / n - mean[c] * mean[c];
                scale[c] = variance > 1e-12 ? Math.sqrt(variance) : 1;
                levels.add(Map.of());
                outputNames.add(table.featureNames().get(c));
            } else {
                Map<String, Integer> counts = new HashMap<>();
                for (String[] row : table.rows()) {
                    counts.merge(row[c], 1, Integer::sum);
                }
                Map<String, Integer> slots = new LinkedHashMap<>();
                counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .limit(MAX_LEVELS)
                        .forEach(e -> slots.put(e.getKey(), slots.size()));
                levels.add(slots);
                String name = table.featureNames().get(c);
                slots.keySet().forEach(level -> outputNames.add(name + "=" + level));
                outputNames.add(name + "=other");
            }
        }
        return new FeatureEncoder(table.featureNames(), numeric, logTransform, mean, scale, levels, List.copyOf(outputNames));
    }

    public List<String> outputNames() {
        return outputNames;
    }

    /** Encodes a table with the same feature columns (by name) as the training table. */
    public float[][] encode(LabelledTable table) {
        int[] columnOf = new int[inputNames.size()];
        for (int c = 0; c < inputNames.size(); c++) {
            columnOf[c] = table.featureNames().indexOf(inputNames.get(c));
            if (columnOf[c] < 0) {
                throw new UserFacingException("propensity.column.missing", inputNames.get(c));
            }
        }
        float[][] encoded = new float[table.size()][outputNames.size()];
        for (int r = 0; r < table.size(); r++) {
            String[] row = table.rows().get(r);
            int out = 0;
            for (int c = 0; c < inputNames.size(); c++) {
                String value = row[columnOf[c]];
                if (numeric[c]) {
                    double v = value.isEmpty() ? mean[c] : (transform(parseOrNaN(value), logTransform[c]) - mean[c]) / scale[c];
                    encoded[r][out++] = Double.isFinite(v) ? (float) v : 0f;
                } else {
                    Integer slot = levels.get(c).get(value);
                    encoded[r][out + (slot == null ? levels.get(c).size() : slot)] = 1f;
                    out += levels.get(c).size() + 1;
                }
            }
        }
        return encoded;
    }

    private static boolean allNumeric(LabelledTable table, int column) {
        for (String[] row : table.rows()) {
            if (!row[column].isEmpty() && Double.isNaN(parseOrNaN(row[column]))) {
                return false;
            }
        }
        return true;
    }

    private static double raw(String value) {
        double v = parseOrNaN(value);
        return Double.isNaN(v) ? 0 : v;
    }

    private static double parseOrNaN(String value) {
        if (value.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException notANumber) {
            return flagOrNaN(value);
        }
    }

    private static double flagOrNaN(String value) {
        try {
            Boolean flag = ValueParsers.parseFlag(value);
            return flag == null ? Double.NaN : flag ? 1 : 0;
        } catch (ValueFormatException notAFlag) {
            return Double.NaN;
        }
    }

    private static double transform(double value, boolean log) {
        return log ? Math.log1p(value) : value;
    }
}
