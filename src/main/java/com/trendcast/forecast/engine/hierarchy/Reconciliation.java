package com.trendcast.forecast.engine.hierarchy;

import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.math.Cholesky;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes forecasts coherent along a {@link Hierarchy}: every parent equals the sum of its children. Only point
 * forecasts are reconciled; summed intervals would be too wide because child errors partly cancel.
 */
public final class Reconciliation {

    private Reconciliation() {
    }

    /** Aggregate history for every node: parents are period-wise sums, missing periods of a child count as zero. */
    public static Map<List<String>, TimeSeries> aggregate(Hierarchy hierarchy, List<TimeSeries> bottomSeries) {
        Map<List<String>, TimeSeries> byKey = new HashMap<>();
        for (TimeSeries series : bottomSeries) {
            byKey.put(series.key(), series);
        }
        Frequency frequency = bottomSeries.get(0).frequency();
        for (List<String> key : hierarchy.bottom()) {
            TimeSeries series = byKey.get(key);
            if (series == null) {
                throw new IllegalArgumentException("No series for bottom key " + key);
            }
            if (series.frequency() != frequency) {
                throw new IllegalArgumentException("Series " + key + " is " + series.frequency() + ", not " + frequency);
            }
        }
        Map<List<String>, TimeSeries> result = new LinkedHashMap<>();
        for (List<String> node : hierarchy.nodes()) {
            result.put(node, hierarchy.isBottom(node) ? byKey.get(node) : null);
        }
        for (List<String> node : hierarchy.nodesBottomUp()) {
            if (!hierarchy.isBottom(node)) {
                result.put(node, sum(node, hierarchy.childrenOf(node).stream().map(result::get).toList(), frequency));
            }
        }
        return result;
    }

    private static TimeSeries sum(List<String> key, List<TimeSeries> parts, Frequency frequency) {
        LocalDate start = parts.stream().map(TimeSeries::start).min(LocalDate::compareTo).orElseThrow();
        long length = 0;
        for (TimeSeries part : parts) {
            length = Math.max(length, frequency.indexOf(start, part.start()) + part.length());
        }
        double[] total = new double[Math.toIntExact(length)];
        for (TimeSeries part : parts) {
            int offset = (int) frequency.indexOf(start, part.start());
            for (int i = 0; i < part.length(); i++) {
                total[offset + i] += part.valueAt(i);
            }
        }
        return new TimeSeries(key, start, frequency, total);
    }

    /** Bottom-up: parents' forecasts are sums of their children's; bottom forecasts are kept as they are. */
    public static Map<List<String>, double[]> bottomUp(Hierarchy hierarchy, Map<List<String>, double[]> bottom) {
        int horizon = commonHorizon(hierarchy.bottom(), bottom);
        Map<List<String>, double[]> result = new LinkedHashMap<>();
        for (List<String> node : hierarchy.nodes()) {
            result.put(node, null);
        }
        for (List<String> node : hierarchy.nodesBottomUp()) {
            if (hierarchy.isBottom(node)) {
                result.put(node, bottom.get(node).clone());
                continue;
            }
            double[] total = new double[horizon];
            for (List<String> child : hierarchy.childrenOf(node)) {
                double[] part = result.get(child);
                for (int step = 0; step < horizon; step++) {
                    total[step] += part[step];
                }
            }
            result.put(node, total);
        }
        return result;
    }

    /**
     * OLS reconciliation (Hyndman et al. 2011): the coherent forecasts closest in least squares to independent
     * base forecasts of every node, {@code ỹ = S (SᵀS)⁻¹ Sᵀ ŷ}. Unlike bottom-up it uses the information in the
     * aggregate forecasts, which are often better than the sum of noisy bottom ones.
     *
     * @param base a forecast for every node of the hierarchy
     */
    public static Map<List<String>, double[]> ols(Hierarchy hierarchy, Map<List<String>, double[]> base) {
        List<List<String>> bottomKeys = hierarchy.bottom();
        int horizon = commonHorizon(hierarchy.nodes(), base);
        int size = bottomKeys.size();
        // (SᵀS)[i][j] counts the nodes above both bottoms i and j: their common prefixes, the total included.
        double[][] gram = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j <= i; j++) {
                gram[i][j] = commonPrefixLength(bottomKeys.get(i), bottomKeys.get(j)) + 1;
            }
        }
        Map<List<String>, double[]> reconciledBottom = new HashMap<>();
        double[][] bottomByStep = new double[size][horizon];
        for (int step = 0; step < horizon; step++) {
            double[] projected = new double[size];
            for (int i = 0; i < size; i++) {
                List<String> key = bottomKeys.get(i);
                for (int depth = 0; depth <= key.size(); depth++) {
                    projected[i] += base.get(key.subList(0, depth))[step];
                }
            }
            double[] solution = Cholesky.solve(gram, projected);
            for (int i = 0; i < size; i++) {
                bottomByStep[i][step] = solution[i];
            }
        }
        for (int i = 0; i < size; i++) {
            reconciledBottom.put(bottomKeys.get(i), bottomByStep[i]);
        }
        return bottomUp(hierarchy, reconciledBottom);
    }

    private static int commonPrefixLength(List<String> a, List<String> b) {
        int length = 0;
        while (length < a.size() && length < b.size() && a.get(length).equals(b.get(length))) {
            length++;
        }
        return length;
    }

    private static int commonHorizon(List<List<String>> keys, Map<List<String>, double[]> forecasts) {
        int horizon = -1;
        for (List<String> key : keys) {
            double[] forecast = forecasts.get(key);
            if (forecast == null) {
                throw new IllegalArgumentException("No forecast for " + key);
            }
            if (horizon >= 0 && forecast.length != horizon) {
                throw new IllegalArgumentException("Forecast for " + key + " has " + forecast.length
                        + " steps, others " + horizon);
            }
            horizon = forecast.length;
        }
        return horizon;
    }
}
