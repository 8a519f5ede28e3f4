package com.trendcast.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The report of a load benchmark, printed as it goes and written to a file at the end: the table per request
 * kind, the pooled figures under load against one client alone, and the verdict, which keeps wrong answers
 * (errors) and missing answers (timeouts) apart.
 */
final class LoadReport {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    void line(String format, Object... args) {
        String line = args.length == 0 ? format : String.format(format, args);
        System.out.println(line);
        lines.add(line);
    }

    /** One row per kind of request: count, errors, timeouts, p50, p95, max. */
    void table(Latencies latencies) {
        line("");
        line(Latencies.Summary.header());
        latencies.summaries().forEach((kind, summary) -> line(summary.line(kind)));
    }

    /**
     * The requests whose kind starts with {@code prefix}, pooled, under load and alone, and the ratio of their
     * percentiles; answers the pooled summary under load.
     */
    Latencies.Summary compare(String what, String prefix, Latencies load, Latencies alone) {
        Latencies.Summary pooled = load.pooled(prefix);
        Latencies.Summary single = alone.pooled(prefix);
        line("");
        line(pooled.line("ALL " + what + " under load"));
        line(single.line("ALL " + what + " alone"));
        line("p50 ratio load/alone %.2f, p95 ratio %.2f", pooled.p50Millis() / single.p50Millis(),
                pooled.p95Millis() / single.p95Millis());
        return pooled;
    }

    /** The problems a phase before the load had (sign-in of the reference user, warm-up), kind by kind. */
    void problems(String phase, Latencies latencies) {
        latencies.summaries().forEach((kind, summary) -> {
            if (summary.errors() > 0) {
                line("%s: %d errors in '%s', first: %s", phase, summary.errors(), kind, summary.firstError());
            }
            if (summary.timeouts() > 0) {
                line("%s: %d timeouts in '%s', first: %s", phase, summary.timeouts(), kind, summary.firstTimeout());
            }
        });
    }

    /**
     * Writes the verdict and the file, then fails the benchmark on any error or timeout, saying which: a timeout
     * under load means the server was too slow for the offered load, an error that something answered wrongly.
     */
    void finish(Latencies load, String file) throws IOException {
        line("ERRORS (wrong answers): %d (target 0)", load.totalErrors());
        line("TIMEOUTS (no answer within the response timeout): %d (target 0)", load.totalTimeouts());
        Path path = Path.of(file);
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.write(path, lines);
        assertAll(
                () -> assertEquals(0, load.totalErrors(), "wrong answers under load; see the LOAD ERROR lines"),
                () -> assertEquals(0, load.totalTimeouts(), "requests that timed out under load (too slow, not "
                        + "wrong); see the LOAD TIMEOUT lines"));
    }
}
