package com.trendcast.bench;

import com.trendcast.cli.CommandLineLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code forecast} command on retail data shaped like what it will be scored on (see {@link RetailHoldouts}):
 * daily store x item counts, weekly store x department sales with holiday flags, and the real Superstore and
 * Online Retail files. Each data set's last horizon is held out; every model runs through the command line
 * exactly as a scorer would ({@code default} runs without {@code --model}, i.e. {@code auto}), and is scored
 * on all held-out points (a point without a forecast counts as forecast 0): WAPE = sum|e| / sum|y|, its ratio
 * to seasonal naive measured in the same run, wall and process CPU seconds, and what the command said on standard
 * error; the engine logs (each backtest fold's time per model, the LSTM's epochs) go to the test output.
 * <p>
 * Run from the repository root (needs {@code ../shared/datasets} for the real files):
 * {@code OMP_NUM_THREADS=1 nice -n 5 ./mvnw -o test -Dtest=RetailRobustnessBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludes=none
 * -Dbench.data=storeitem,walmart,superstore,onlineretail -Dbench.models=default,global-xgboost,global-linear,ets
 * -Dbench.stores=10 -Dbench.items=50 -Dbench.walmartStores=45 -Dbench.departments=81}
 * (the defaults; use fewer stores and items to iterate quickly).
 */
class RetailRobustnessBenchmark {

    private static final String REFERENCE = "seasonal-naive";
    private static final String DEFAULT_MODEL = "default";

    @TempDir
    Path folder;

    @Test
    void wapePerModelOnHeldOutRetailData() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String data : System.getProperty("bench.data", "storeitem,walmart,superstore,onlineretail")
                .split(",")) {
            RetailHoldouts.Holdout holdout = holdout(data.strip());
            System.out.printf("%n== %s: %d held-out points, horizon %d%n", holdout.name(), holdout.actual().size(),
                    holdout.horizon());
            List<String> models = new ArrayList<>(List.of(REFERENCE));
            for (String model : System.getProperty("bench.models", "default,global-xgboost,global-linear,ets")
                    .split(",")) {
                if (!models.contains(model.strip())) {
                    models.add(model.strip());
                }
            }
            double reference = Double.NaN;
            for (String model : models) {
                Path output = folder.resolve(data + "-" + model + ".csv");
                List<String> args = new ArrayList<>(List.of("forecast"));
                args.addAll(holdout.flags());
                if (!model.equals(DEFAULT_MODEL)) {
                    args.addAll(List.of("--model", model));
                }
                args.addAll(List.of("--output", output.toString()));
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                long started = System.nanoTime();
                double cpuStarted = processCpuSeconds();
                int exit = CommandLineLauncher.run(args.toArray(String[]::new), new PrintWriter(out, true),
                        new PrintWriter(err, true), new BufferedReader(new StringReader("")),
                        Map.of("logging.level.com.trendcast.forecast.engine", "INFO"));
                double seconds = (System.nanoTime() - started) / 1e9;
                double cpuSeconds = processCpuSeconds() - cpuStarted;
                if (exit != 0) {
                    failures.add(data + " " + model);
                    System.out.printf("%-16s FAILED exit %d after %.0f s: %s%n", model, exit, seconds,
                            err.toString().strip());
                    continue;
                }
                Score score = score(output, holdout);
                if (model.equals(REFERENCE)) {
                    reference = score.wape();
                }
                System.out.printf("%-16s WAPE %.4f  ratio to seasonal naive %.3f  %5.0f s wall %5.0f s CPU  missing %d"
                                + "  %s%n", model, score.wape(), score.wape() / reference, seconds, cpuSeconds,
                        score.missing(),
                        out.toString().strip());
                String notes = notes(err.toString());
                if (!notes.isEmpty()) {
                    System.out.println("                 stderr: " + notes);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static RetailHoldouts.Holdout holdout(String data) throws IOException {
        Path folder = Files.createTempDirectory("retail-holdout");
        return switch (data) {
            case "storeitem" -> RetailHoldouts.storeItemDaily(folder, Integer.getInteger("bench.stores", 10),
                    Integer.getInteger("bench.items", 50), 7);
            case "walmart" -> RetailHoldouts.walmartWeekly(folder, Integer.getInteger("bench.walmartStores", 45),
                    Integer.getInteger("bench.departments", 81), 11);
            case "superstore" -> RetailHoldouts.superstoreWeekly(folder);
            case "onlineretail" -> RetailHoldouts.onlineRetailDaily(folder);
            default -> throw new IllegalArgumentException("Unknown data set " + data);
        };
    }

    /** CPU time of this whole process (all threads, native XGBoost and ND4J ones included). */
    private static double processCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** The command's own lines on standard error (its notes), without the logging of the libraries. */
    private static String notes(String err) {
        return err.lines().filter(line -> !line.contains(" INFO ") && !line.contains(" WARN ")
                && !line.contains(" DEBUG ") && !line.isBlank()).reduce((a, b) -> a + " | " + b).orElse("");
    }

    private record Score(double wape, int missing) {
    }

    private static Score score(Path forecastFile, RetailHoldouts.Holdout holdout) throws IOException {
        int keyWidth = holdout.seriesColumns().size() + 1;
        Map<String, Double> forecast = new HashMap<>();
        List<String> lines = Files.readAllLines(forecastFile);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            forecast.put(String.join(",", List.of(cells).subList(0, keyWidth)),
                    Double.parseDouble(cells[keyWidth]));
        }
        double absoluteError = 0;
        double absoluteActual = 0;
        int missing = 0;
        for (Map.Entry<String, Double> point : holdout.actual().entrySet()) {
            Double predicted = forecast.get(point.getKey());
            if (predicted == null) {
                missing++;
            }
            absoluteError += Math.abs((predicted == null ? 0 : predicted) - point.getValue());
            absoluteActual += Math.abs(point.getValue());
        }
        return new Score(absoluteError / absoluteActual, missing);
    }
}
