package com.trendcast.bench;

import com.trendcast.forecast.ForecastRequest;
import com.trendcast.forecast.ForecastWorkflow;
import com.trendcast.forecast.ModelCatalog;
import com.trendcast.forecast.Panel;
import com.trendcast.forecast.PanelReader;
import com.trendcast.forecast.engine.Frequency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * What each {@code auto} candidate costs in the ad-hoc forecast's 2-fold, 28-day backtest on 500 daily series of
 * two years, or fewer series (the file of {@link AdhocPanelFile}): the figures behind the ad-hoc candidate list.
 * Run: {@code OMP_NUM_THREADS=1 ./mvnw -o test -Dtest=AdhocCandidateCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludes=none}
 * ({@code -Dbench.models=naive,lstm} to pick candidates, {@code -Dbench.series=20} for a smaller panel). Prints
 * wall and CPU seconds per candidate and the CPU ratio to the first.
 */
class AdhocCandidateCostBenchmark {

    @Test
    void candidateCosts(@TempDir Path dir) {
        int seriesCount = Integer.getInteger("bench.series", 500);
        Path file = AdhocPanelFile.write(dir.resolve("panel.csv"), seriesCount, 730, 7);
        ForecastRequest request = new ForecastRequest(file, "date", "units", List.of("sku"), List.of(), null,
                Frequency.DAY, 28, 0.8, 42, 2);
        long read = System.nanoTime();
        Panel panel = PanelReader.read(request);
        System.out.printf("read panel           %7.2f s%n", (System.nanoTime() - read) / 1e9);
        List<String> models = List.of(System.getProperty("bench.models",
                String.join(",", ModelCatalog.autoCandidates())).split(","));
        double naive = Double.NaN;
        for (String model : models) {
            long cpu = cpuNanos();
            long started = System.nanoTime();
            double wape = ForecastWorkflow.backtest(panel, request, List.of(model)).score(model).overall().wape();
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (cpuNanos() - cpu) / 1e9;
            if (Double.isNaN(naive)) {
                naive = cpuSeconds;
            }
            System.out.printf("%-20s %7.2f s wall %7.2f s CPU  (%6.1fx first)  WAPE %.4f%n", model, seconds,
                    cpuSeconds, cpuSeconds / naive, wape);
        }
        System.out.printf("load average %.2f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** CPU time of the process: on a shared machine wall time depends on the neighbours, CPU time does not. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
