package com.trendcast.forecast.cli;

import com.trendcast.cli.CommandLineLauncher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast command on the shapes real weekly store x department files have (Walmart's public set): Friday
 * weeks, {@code IsHoliday} as TRUE/FALSE text known over the horizon, a department whose rows stop before the
 * file's last week, one that starts late with negative (returns) weeks, one with a single row, and a duplicated
 * row. Every model must answer with one row per series and week of the horizon, all on the same dates.
 */
class RetailShapesCommandTest {

    private static final LocalDate FIRST_FRIDAY = LocalDate.of(2010, 2, 5);
    private static final int WEEKS = 120;
    private static final int HORIZON = 8;
    private static final List<String> DEPARTMENTS = List.of("1", "2", "3", "4");

    @TempDir
    Path folder;
    private Path history;
    private Path future;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeWalmartShapedFiles() throws IOException {
        Random random = new Random(9);
        List<String> historyLines = new ArrayList<>(List.of("Store,Dept,Date,Weekly_Sales,IsHoliday"));
        List<String> futureLines = new ArrayList<>(List.of("Store,Dept,Date,IsHoliday"));
        for (int week = 0; week < WEEKS + HORIZON; week++) {
            LocalDate friday = FIRST_FRIDAY.plusWeeks(week);
            boolean holiday = friday.getMonthValue() == 11 && friday.getDayOfMonth() >= 23
                    && friday.getDayOfMonth() <= 29;
            String flag = holiday ? "TRUE" : "FALSE";
            double season = 1 + 0.3 * Math.sin(2 * Math.PI * week / 52.0) + (holiday ? 0.8 : 0);
            for (String dept : DEPARTMENTS) {
                if (week >= WEEKS) {
                    futureLines.add("1," + dept + "," + friday + "," + flag);
                    continue;
                }
                double sales = switch (dept) {
                    case "1" -> 20_000 * season * (1 + 0.05 * random.nextGaussian());
                    case "2" -> week < WEEKS - 3 ? 3_000 * season * (1 + 0.1 * random.nextGaussian()) : Double.NaN;
                    case "3" -> week >= WEEKS - 40 ? (week % 9 == 0 ? -35.5 : 120 * season) : Double.NaN;
                    default -> week == WEEKS - 1 ? 55 : Double.NaN;
                };
                if (!Double.isNaN(sales)) {
                    String line = "1," + dept + "," + friday + "," + String.format(Locale.ROOT, "%.2f", sales)
                            + "," + flag;
                    historyLines.add(line);
                    if (dept.equals("1") && week == 10) {
                        historyLines.add(line);
                    }
                }
            }
        }
        history = Files.write(folder.resolve("train.csv"), historyLines);
        future = Files.write(folder.resolve("test.csv"), futureLines);
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "lstm", "global-xgboost", "global-linear", "ets", "seasonal-naive", "naive",
            "moving-average", "linear"})
    void everyModelForecastsEverySeriesOnTheFileWeeks(String model) throws IOException {
        Path output = folder.resolve(model + ".csv");

        int exit = CommandLineLauncher.run(new String[]{"forecast", "--input", history.toString(), "--date", "Date",
                        "--target", "Weekly_Sales", "--series", "Store,Dept", "--covariates", "IsHoliday",
                        "--future", future.toString(), "--horizon", String.valueOf(HORIZON), "--model", model,
                        "--output", output.toString()}, new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), Map.of());

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(output);
        assertThat(lines.get(0)).isEqualTo("Store,Dept,date,forecast,lower,upper");
        Map<String, List<LocalDate>> datesByDepartment = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            datesByDepartment.computeIfAbsent(cells[1], dept -> new ArrayList<>()).add(LocalDate.parse(cells[2]));
            double forecast = Double.parseDouble(cells[3]);
            assertThat(forecast).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(Double.parseDouble(cells[4])).isLessThanOrEqualTo(forecast);
            assertThat(Double.parseDouble(cells[5])).isGreaterThanOrEqualTo(forecast);
        }
        List<LocalDate> horizonFridays = new ArrayList<>();
        for (int step = 0; step < HORIZON; step++) {
            horizonFridays.add(FIRST_FRIDAY.plusWeeks(WEEKS + step));
        }
        assertThat(datesByDepartment.keySet()).containsExactlyElementsOf(DEPARTMENTS);
        datesByDepartment.values().forEach(dates -> assertThat(dates).containsExactlyElementsOf(horizonFridays));
    }
}
