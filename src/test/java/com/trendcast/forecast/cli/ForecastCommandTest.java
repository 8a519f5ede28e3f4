package com.trendcast.forecast.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trendcast.cli.CommandLineLauncher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The forecast and backtest commands end to end on a small generated panel. */
class ForecastCommandTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final int HISTORY_DAYS = 140;
    private static final int HORIZON = 14;

    @TempDir
    Path folder;
    private Path history;
    private Path future;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /**
     * Stores A and B with a weekly pattern and a promotion uplift; store A is closed on Sundays (Open = 0,
     * sales 0). The future file holds the 14 days after the history.
     */
    @BeforeEach
    void writeFixture() throws IOException {
        Random random = new Random(3);
        List<String> historyLines = new ArrayList<>(List.of("Store;Day;Units;Promo;Open"));
        List<String> futureLines = new ArrayList<>(List.of("Store;Day;Promo;Open"));
        for (String store : List.of("A", "B")) {
            double level = store.equals("A") ? 100 : 40;
            for (int day = 0; day < HISTORY_DAYS + HORIZON; day++) {
                LocalDate date = FIRST_DAY.plusDays(day);
                int promo = (day / 7) % 2;
                int open = store.equals("A") && date.getDayOfWeek().getValue() == 7 ? 0 : 1;
                double weekly = 1 + 0.3 * Math.sin(2 * Math.PI * day / 7);
                double units = open * Math.round(level * weekly * (1 + 0.5 * promo) + random.nextGaussian() * 3);
                if (day < HISTORY_DAYS) {
                    historyLines.add(store + ";" + date + ";" + units + ";" + promo + ";" + open);
                } else {
                    futureLines.add(store + ";" + date + ";" + promo + ";" + open);
                }
            }
        }
        history = Files.write(folder.resolve("history.csv"), historyLines);
        future = Files.write(folder.resolve("future.csv"), futureLines);
    }

    @Test
    void forecastWritesOneRowPerSeriesAndPeriodWithIntervalsAndClosedDaysAtZero() throws IOException {
        Path output = folder.resolve("forecast.csv");

        int exit = run("forecast", "--input", history.toString(), "--date", "Day", "--target", "Units",
                "--series", "Store", "--covariates", "Promo,Open", "--future", future.toString(),
                "--horizon", String.valueOf(HORIZON), "--model", "global-linear", "--output", output.toString());

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(output);
        assertThat(lines.get(0)).isEqualTo("Store,date,forecast,lower,upper");
        assertThat(lines).hasSize(1 + 2 * HORIZON);
        LocalDate firstForecastDay = FIRST_DAY.plusDays(HISTORY_DAYS);
        for (int row = 1; row < lines.size(); row++) {
            String[] cells = lines.get(row).split(",");
            int step = (row - 1) % HORIZON;
            assertThat(cells[0]).isEqualTo(row <= HORIZON ? "A" : "B");
            LocalDate date = LocalDate.parse(cells[1]);
            assertThat(date).isEqualTo(firstForecastDay.plusDays(step));
            double forecast = Double.parseDouble(cells[2]);
            double lower = Double.parseDouble(cells[3]);
            double upper = Double.parseDouble(cells[4]);
            assertThat(lower).isLessThanOrEqualTo(forecast).isGreaterThanOrEqualTo(0);
            assertThat(upper).isGreaterThanOrEqualTo(forecast);
            if (cells[0].equals("A") && date.getDayOfWeek().getValue() == 7) {
                assertThat(List.of(forecast, lower, upper)).containsOnly(0.0);
            } else {
                assertThat(forecast).isPositive();
            }
        }
    }

    @Test
    void backtestWritesEveryMetricPerModelAndTheFoldDefinitions() throws IOException {
        Path output = folder.resolve("metrics.json");

        int exit = run("backtest", "--input", history.toString(), "--date", "Day", "--target", "Units",
                "--series", "Store", "--covariates", "Promo,Open", "--future", future.toString(),
                "--horizon", "7", "--folds", "2", "--models", "naive,seasonal-naive,auto",
                "--output", output.toString());

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(output.toFile());
        assertThat(report.get("foldDefinitions")).hasSize(2);
        JsonNode models = report.get("models");
        assertThat(models.has("naive")).isTrue();
        assertThat(models.has("seasonal-naive")).isTrue();
        assertThat(models.get("auto").get("selected").asText()).isNotBlank();
        for (String metric : List.of("mse", "rmse", "mae", "r2", "mape", "mapeExcluded", "smape", "wape", "mase",
                "bias", "coverage", "meanIntervalWidth")) {
            assertThat(models.get("seasonal-naive").has(metric)).as(metric).isTrue();
        }
        assertThat(models.get("seasonal-naive").get("wape").asDouble())
                .isLessThan(models.get("naive").get("wape").asDouble());
    }

    @Test
    void missingFileIsRefusedWithOneLine() {
        assertRefused(List.of("--input", folder.resolve("absent.csv").toString()), "does not exist");
    }

    @Test
    void unknownColumnIsRefusedWithTheColumnsThereAre() {
        assertRefused(List.of("--input", history.toString(), "--covariates", "Price"),
                "There is no column \"Price\"");
    }

    @Test
    void nonNumericTargetIsRefused() {
        assertRefused(List.of("--input", history.toString(), "--target", "Store"), "is not numeric");
    }

    @Test
    void horizonBelowOneIsRefused() {
        assertRefused(List.of("--input", history.toString(), "--horizon", "0"), "horizon must be at least 1");
    }

    @Test
    void tooShortHistoryIsRefused() throws IOException {
        Path shortFile = Files.write(folder.resolve("short.csv"),
                List.of("Store;Day;Units;Promo;Open", "A;2024-01-01;3;0;1", "A;2024-01-02;4;0;1"));
        assertRefused(List.of("--input", shortFile.toString()), "too short");
    }

    @Test
    void unreadableFileIsRefused() throws IOException {
        Path empty = Files.write(folder.resolve("empty.csv"), new byte[0]);
        assertRefused(List.of("--input", empty.toString()), "could not be read");
    }

    private void assertRefused(List<String> overrides, String reason) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--input", history.toString());
        options.put("--date", "Day");
        options.put("--target", "Units");
        options.put("--series", "Store");
        options.put("--horizon", String.valueOf(HORIZON));
        options.put("--model", "naive");
        options.put("--output", folder.resolve("out.csv").toString());
        for (int i = 0; i < overrides.size(); i += 2) {
            options.put(overrides.get(i), overrides.get(i + 1));
        }
        List<String> args = new ArrayList<>(List.of("forecast"));
        options.forEach((name, value) -> args.addAll(List.of(name, value)));

        int exit = run(args.toArray(String[]::new));

        assertThat(exit).isNotZero();
        assertThat(err.toString().strip()).startsWith("Error: ").contains(reason).doesNotContain("\n");
    }

    private int run(String... args) {
        return CommandLineLauncher.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), Map.of());
    }
}
