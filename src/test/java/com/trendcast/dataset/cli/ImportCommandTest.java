package com.trendcast.dataset.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trendcast.cli.CommandLineLauncher;
import com.trendcast.dataset.ImportFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImportCommandTest {

    @TempDir
    private Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CommandLineLauncher.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), Map.of(
                        "spring.datasource.url", "jdbc:h2:file:" + dir.resolve("db/trendcast").toAbsolutePath(),
                        "trendcast.uploads-dir", dir.resolve("uploads").toString()));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void importsWithAChosenReturnsPolicyAndPrintsOneJsonLine() throws Exception {
        Path file = ImportFiles.retailWithReturn(dir);

        Run undecided = run("import", "--file", file.toString());
        assertThat(undecided.exitCode()).isEqualTo(CommandLineLauncher.FAILURE);
        assertThat(undecided.err()).contains("Error: The file contains 1 returns").contains("--returns net");
        assertThat(undecided.out()).isEmpty();

        Run imported = run("import", "--file", file.toString(), "--returns", "net", "--name", "Retail");
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out().lines()).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(imported.out());
        assertThat(line.get("kind").asText()).isEqualTo("sales");
        assertThat(line.get("rowsRead").asLong()).isEqualTo(3);
        assertThat(line.get("rowsImported").asLong()).isEqualTo(3);
        assertThat(line.get("rowsRejected").asLong()).isZero();
        assertThat(line.get("totals").get("units").decimalValue()).isEqualByComparingTo("8");
        assertThat(line.get("totals").get("revenue").decimalValue()).isEqualByComparingTo("22.2");

        Run list = run("datasets", "list");
        assertThat(list.exitCode()).isZero();
        JsonNode listed = new ObjectMapper().readTree(list.out().lines().findFirst().orElseThrow());
        assertThat(listed.get("id").asLong()).isEqualTo(line.get("datasetId").asLong());
        assertThat(listed.get("name").asText()).isEqualTo("Retail");
        assertThat(listed.get("rows").asLong()).isEqualTo(3);
    }

    @Test
    void anyInvalidRowRefusesTheFileWithoutSkipInvalidAndBadFilesGetAPlainReason() throws Exception {
        Path file = ImportFiles.salesWithInvalidRows(dir, "sales.csv", "Garden", 40, 1);
        Path report = dir.resolve("report.csv");

        Run refused = run("import", "--file", file.toString(), "--error-report", report.toString());
        assertThat(refused.exitCode()).isEqualTo(CommandLineLauncher.FAILURE);
        assertThat(refused.err()).contains("Error: 1 of 41 rows are invalid");
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("42,Quantity,'=1+1,Not a number.");

        Path notATable = dir.resolve("empty.csv");
        Files.writeString(notATable, "");
        Run bad = run("import", "--file", notATable.toString());
        assertThat(bad.exitCode()).isEqualTo(CommandLineLauncher.FAILURE);
        assertThat(bad.err().strip()).isEqualTo("Error: This file cannot be imported: The file is empty.");
        assertThat(run("datasets", "list").out()).isEmpty();
    }

    @Test
    void aBinaryFileIsRefusedWithTheReasonInEnglish() throws Exception {
        Path binary = dir.resolve("orders.csv");
        Files.write(binary, new byte[] {'x', 0, 1, 2, 3, 0, 0, 4, 5, 6, 7, 8, 0});

        Run refused = run("import", "--file", binary.toString());

        assertThat(refused.exitCode()).isEqualTo(CommandLineLauncher.FAILURE);
        assertThat(refused.err().strip()).isEqualTo("Error: This file cannot be imported: The file looks binary, "
                + "not a CSV/TSV text file. Please upload a CSV, TSV or Excel file.");
    }
}
