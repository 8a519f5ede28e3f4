package com.trendcast.behaviour.cli;

import com.trendcast.testsupport.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PropensityCommandTest {

    @TempDir
    Path dir;

    @Test
    void scoresEveryRowAndRanksBuyersAboveBrowsers() throws IOException {
        Path train = sessions("train.csv", 600, 1, true);
        Path score = sessions("score.csv", 200, 2, false);
        Path output = dir.resolve("scores.csv");

        CliRun run = CliRun.run(dir, "", "propensity", "--train", train.toString(), "--label", "Purchased",
                "--score", score.toString(), "--output", output.toString(), "--model", "logistic", "--seed", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("logistic (chosen): validation ROC AUC");
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(201);
        assertThat(lines.get(0)).isEqualTo("row,probability");
        assertThat(lines.get(1)).startsWith("1,");
        // rows of the score file alternate many page views (odd rows) and few (even rows)
        double manyPages = Double.parseDouble(lines.get(1).split(",")[1]);
        double fewPages = Double.parseDouble(lines.get(2).split(",")[1]);
        assertThat(manyPages).isGreaterThan(fewPages);
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> {
            double p = Double.parseDouble(line.split(",")[1]);
            assertThat(p).isBetween(0.0, 1.0);
        });
    }

    @Test
    void refusesAMissingLabelColumnAndAMissingFile() throws IOException {
        Path train = sessions("train.csv", 100, 1, true);

        CliRun wrongLabel = CliRun.run(dir, "", "propensity", "--train", train.toString(), "--label", "Revenue",
                "--score", train.toString(), "--output", dir.resolve("o.csv").toString());
        assertThat(wrongLabel.exitCode()).isEqualTo(1);
        assertThat(wrongLabel.err()).contains("The label column \"Revenue\" is not in the file")
                .contains("Purchased");

        CliRun missing = CliRun.run(dir, "", "propensity", "--train", dir.resolve("nope.csv").toString(),
                "--label", "Purchased", "--score", train.toString(), "--output", dir.resolve("o.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("There is no file at");
        assertThat(dir.resolve("o.csv")).doesNotExist();
    }

    /** Sessions whose purchase chance rises with page views; visitor type adds a little. */
    private Path sessions(String name, int rows, long seed, boolean withLabel) throws IOException {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("PageViews,Duration,VisitorType" + (withLabel ? ",Purchased" : "") + "\n");
        for (int i = 0; i < rows; i++) {
            int pages = i % 2 == 0 ? 20 + random.nextInt(30) : random.nextInt(5);
            String visitor = random.nextBoolean() ? "Returning_Visitor" : "New_Visitor";
            double chance = pages > 15 ? 0.6 : 0.05;
            csv.append(pages).append(',').append(pages * 30 + random.nextInt(60)).append(',').append(visitor);
            if (withLabel) {
                csv.append(',').append(random.nextDouble() < chance ? "TRUE" : "FALSE");
            }
            csv.append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }
}
