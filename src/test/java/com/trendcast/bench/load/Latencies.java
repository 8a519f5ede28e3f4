package com.trendcast.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Response times and errors per kind of request, shared by every virtual user. A run of five minutes
 * records a few tens of thousands of samples, so each is kept and the percentiles are exact
 * (nearest rank), not estimated from buckets.
 */
final class Latencies {

    private final ConcurrentMap<String, List<Long>> samplesByKind = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> errorsByKind = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> firstErrorByKind = new ConcurrentHashMap<>();
    private final AtomicLong errorsLogged = new AtomicLong();

    void clear() {
        samplesByKind.clear();
        errorsByKind.clear();
        firstErrorByKind.clear();
    }

    void record(String kind, long nanos) {
        List<Long> samples = samplesByKind.computeIfAbsent(kind, k -> new ArrayList<>());
        synchronized (samples) {
            samples.add(nanos);
        }
    }

    /** Counts an error of this kind; the first few are printed as they happen, so a long run shows them early. */
    void error(String kind, String detail) {
        errorsByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
        firstErrorByKind.putIfAbsent(kind, detail);
        if (errorsLogged.incrementAndGet() <= 20) {
            System.out.println("LOAD ERROR " + kind + ": " + detail);
        }
    }

    long totalErrors() {
        return errorsByKind.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Summary> summaries() {
        Map<String, Summary> result = new TreeMap<>();
        for (String kind : samplesByKind.keySet()) {
            result.put(kind, summary(kind));
        }
        for (String kind : errorsByKind.keySet()) {
            result.putIfAbsent(kind, summary(kind));
        }
        return result;
    }

    /** All samples of every kind whose name starts with the prefix, pooled. */
    Summary pooled(String prefix) {
        List<Long> all = new ArrayList<>();
        long errors = 0;
        for (Map.Entry<String, List<Long>> entry : samplesByKind.entrySet()) {
            if (entry.getKey().startsWith(prefix)) {
                synchronized (entry.getValue()) {
                    all.addAll(entry.getValue());
                }
            }
        }
        for (Map.Entry<String, LongAdder> entry : errorsByKind.entrySet()) {
            if (entry.getKey().startsWith(prefix)) {
                errors += entry.getValue().sum();
            }
        }
        return Summary.of(all, errors, null);
    }

    private Summary summary(String kind) {
        List<Long> samples = samplesByKind.getOrDefault(kind, List.of());
        List<Long> copy;
        synchronized (samples) {
            copy = new ArrayList<>(samples);
        }
        LongAdder errors = errorsByKind.get(kind);
        return Summary.of(copy, errors == null ? 0 : errors.sum(), firstErrorByKind.get(kind));
    }

    record Summary(int count, long errors, double p50Millis, double p95Millis, double maxMillis, String firstError) {

        static Summary of(List<Long> nanos, long errors, String firstError) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            return new Summary(sorted.length, errors, millis(percentile(sorted, 50)), millis(percentile(sorted, 95)),
                    millis(sorted.length == 0 ? -1 : sorted[sorted.length - 1]), firstError);
        }

        /** Nearest rank: the smallest sample with at least p% of the samples at or below it; -1 when empty. */
        static long percentile(long[] sorted, int p) {
            if (sorted.length == 0) {
                return -1;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }

        private static double millis(long nanos) {
            return nanos < 0 ? Double.NaN : nanos / 1e6;
        }

        String line(String kind) {
            return String.format("%-62s %7d %7d %9.1f %9.1f %9.1f", kind, count, errors, p50Millis, p95Millis, maxMillis);
        }

        static String header() {
            return String.format("%-62s %7s %7s %9s %9s %9s", "kind", "count", "errors", "p50 ms", "p95 ms", "max ms");
        }
    }
}
