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
 * Response times, errors and timeouts per kind of request, shared by every virtual user. A run of five minutes
 * records a few tens of thousands of samples, so each is kept and the percentiles are exact
 * (nearest rank), not estimated from buckets.
 *
 * <p>An error is a wrong answer (an HTTP error status, an error view, a protocol violation, a broken
 * connection); a timeout is no answer in time. They are counted apart because they mean different things: a
 * timeout on a saturated server says "too slow", an error says "broken", whatever the load.
 */
final class Latencies {

    private final ConcurrentMap<String, List<Long>> samplesByKind = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> errorsByKind = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> firstErrorByKind = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> timeoutsByKind = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> firstTimeoutByKind = new ConcurrentHashMap<>();
    private final AtomicLong problemsLogged = new AtomicLong();

    void clear() {
        samplesByKind.clear();
        errorsByKind.clear();
        firstErrorByKind.clear();
        timeoutsByKind.clear();
        firstTimeoutByKind.clear();
    }

    void record(String kind, long nanos) {
        List<Long> samples = samplesByKind.computeIfAbsent(kind, k -> new ArrayList<>());
        synchronized (samples) {
            samples.add(nanos);
        }
    }

    /** Counts a wrong answer of this kind; the first few problems are printed as they happen. */
    void error(String kind, String detail) {
        count(errorsByKind, firstErrorByKind, kind, detail, "LOAD ERROR ");
    }

    /** Counts a request of this kind that got no (complete) answer in time. */
    void timeout(String kind, String detail) {
        count(timeoutsByKind, firstTimeoutByKind, kind, detail, "LOAD TIMEOUT ");
    }

    private void count(ConcurrentMap<String, LongAdder> counts, ConcurrentMap<String, String> firsts, String kind,
                       String detail, String label) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
        firsts.putIfAbsent(kind, detail);
        if (problemsLogged.incrementAndGet() <= 20) {
            System.out.println(label + kind + ": " + detail);
        }
    }

    long totalErrors() {
        return errorsByKind.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long totalTimeouts() {
        return timeoutsByKind.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Summary> summaries() {
        Map<String, Summary> result = new TreeMap<>();
        for (String kind : samplesByKind.keySet()) {
            result.put(kind, summary(kind));
        }
        for (String kind : errorsByKind.keySet()) {
            result.putIfAbsent(kind, summary(kind));
        }
        for (String kind : timeoutsByKind.keySet()) {
            result.putIfAbsent(kind, summary(kind));
        }
        return result;
    }

    /** All samples of every kind whose name starts with the prefix, pooled. */
    Summary pooled(String prefix) {
        List<Long> all = new ArrayList<>();
        for (Map.Entry<String, List<Long>> entry : samplesByKind.entrySet()) {
            if (entry.getKey().startsWith(prefix)) {
                synchronized (entry.getValue()) {
                    all.addAll(entry.getValue());
                }
            }
        }
        return Summary.of(all, countWithPrefix(errorsByKind, prefix), countWithPrefix(timeoutsByKind, prefix), null, null);
    }

    private static long countWithPrefix(Map<String, LongAdder> counts, String prefix) {
        return counts.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix))
                .mapToLong(entry -> entry.getValue().sum()).sum();
    }

    private Summary summary(String kind) {
        List<Long> samples = samplesByKind.getOrDefault(kind, List.of());
        List<Long> copy;
        synchronized (samples) {
            copy = new ArrayList<>(samples);
        }
        return Summary.of(copy, countOf(errorsByKind, kind), countOf(timeoutsByKind, kind),
                firstErrorByKind.get(kind), firstTimeoutByKind.get(kind));
    }

    private static long countOf(Map<String, LongAdder> counts, String kind) {
        LongAdder count = counts.get(kind);
        return count == null ? 0 : count.sum();
    }

    /** Count and percentiles of the answered requests; errors and timeouts are not among the samples. */
    record Summary(int count, long errors, long timeouts, double p50Millis, double p95Millis, double maxMillis,
                   String firstError, String firstTimeout) {

        static Summary of(List<Long> nanos, long errors, long timeouts, String firstError, String firstTimeout) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            return new Summary(sorted.length, errors, timeouts, millis(percentile(sorted, 50)),
                    millis(percentile(sorted, 95)), millis(sorted.length == 0 ? -1 : sorted[sorted.length - 1]),
                    firstError, firstTimeout);
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
            return String.format("%-62s %7d %7d %8d %9.1f %9.1f %9.1f", kind, count, errors, timeouts, p50Millis,
                    p95Millis, maxMillis);
        }

        static String header() {
            return String.format("%-62s %7s %7s %8s %9s %9s %9s", "kind", "count", "errors", "timeouts", "p50 ms",
                    "p95 ms", "max ms");
        }
    }
}
