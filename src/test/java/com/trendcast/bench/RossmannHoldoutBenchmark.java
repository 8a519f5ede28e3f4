package com.trendcast.bench;

import com.trendcast.cli.CommandLineLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accuracy on the shared Rossmann subset (100 stores, daily): the last 48 days (2015-06-14..2015-07-31) are held
 * out, the rest is the history, and the future file carries Promo, StateHoliday, SchoolHoliday and Open. Each
 * model runs through the {@code forecast} command exactly as a user would; all 4,800 store-days are scored after
 * clipping at 0 and zero on closed days: WAPE = sum|e| / sum|y|.
 * <p>
 * Reference WAPEs on this split: seasonal naive 20.83%, R ets 18.07%, auto.arima with covariates 12.73%, global
 * XGBoost with 34 lag/rolling/calendar/covariate features 7.94%.
 * <p>
 * Run from the repository root (needs {@code ../shared/datasets}):
 * {@code OMP_NUM_THREADS=1 ./mvnw -o test -Dtest=RossmannHoldoutBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsurefire.excludes=none -Dbench.models=global-linear,lstm}
 */
class RossmannHoldoutBenchmark {

    private static final Path DATA = Path.of("../shared/datasets/rossmann-subset/train_subset_reconstructed.csv");
    private static final String FIRST_HELD_OUT = "2015-06-14";
    private static final int HORIZON = 48;

    @TempDir
    Path folder;

    @Test
    void wapeOnTheLast48Days() throws IOException {
        List<String> lines = Files.readAllLines(DATA, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int store = header.indexOf("Store");
        int date = header.indexOf("Date");
        int sales = header.indexOf("Sales");
        int open = header.indexOf("Open");
        List<String> history = new ArrayList<>(List.of(lines.get(0)));
        List<String> future = new ArrayList<>(List.of("Store,Date,Promo,StateHoliday,SchoolHoliday,Open"));
        Map<String, double[]> actual = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells[date].compareTo(FIRST_HELD_OUT) < 0) {
                history.add(line);
            } else {
                future.add(String.join(",", cells[store], cells[date], cells[header.indexOf("Promo")],
                        cells[header.indexOf("StateHoliday")], cells[header.indexOf("SchoolHoliday")], cells[open]));
                actual.put(cells[store] + "," + cells[date],
                        new double[]{Double.parseDouble(cells[sales]), Double.parseDouble(cells[open])});
            }
        }
        Path historyFile = Files.write(folder.resolve("history.csv"), history);
        Path futureFile = Files.write(folder.resolve("future.csv"), future);

        for (String model : System.getProperty("bench.models", "auto").split(",")) {
            Path output = folder.resolve(model + ".csv");
            long started = System.nanoTime();
            int exit = CommandLineLauncher.run(new String[]{"forecast", "--input", historyFile.toString(),
                            "--date", "Date", "--target", "Sales", "--series", "Store",
                            "--covariates", "Promo,StateHoliday,SchoolHoliday,Open", "--future", futureFile.toString(),
                            "--horizon", String.valueOf(HORIZON), "--model", model, "--output", output.toString()},
                    new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                    new BufferedReader(new StringReader("")), Map.of());
            assertThat(exit).isZero();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%-16s WAPE %.4f  (%.0f s)%n", model, wape(output, actual), seconds);
        }
    }

    private static double wape(Path forecastFile, Map<String, double[]> actual) throws IOException {
        Map<String, Double> forecast = new HashMap<>();
        List<String> lines = Files.readAllLines(forecastFile);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            forecast.put(cells[0] + "," + cells[1], Double.parseDouble(cells[2]));
        }
        double absoluteError = 0;
        double absoluteActual = 0;
        for (Map.Entry<String, double[]> day : actual.entrySet()) {
            double sales = day.getValue()[0];
            boolean open = day.getValue()[1] != 0;
            double predicted = open ? Math.max(0, forecast.getOrDefault(day.getKey(), 0.0)) : 0;
            absoluteError += Math.abs(predicted - sales);
            absoluteActual += Math.abs(sales);
        }
        assertThat(forecast).hasSize(actual.size());
        return absoluteError / absoluteActual;
    }
}
