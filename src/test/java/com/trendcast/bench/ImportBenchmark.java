package com.trendcast.bench;

import com.trendcast.TrendcastApplication;
import com.trendcast.dataset.DatasetImportService;
import com.trendcast.dataset.ImportRequest;
import com.trendcast.dataset.ImportResult;
import com.trendcast.dataset.ReturnsPolicy;
import com.trendcast.dataset.read.mapping.ColumnMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end import speed on UCI Online Retail (541,909 lines), against H2's own bulk load of the same file
 * as the floor. Excluded from the normal test run; run it with
 * <pre>
 * ./mvnw -o test -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludes=none \
 *     -DargLine=-Xmx512m
 * </pre>
 * Both sides write to a fresh file database. The floor is {@code CREATE TABLE AS SELECT * FROM CSVREAD} on the
 * decompressed CSV (no parsing of dates or numbers, no indexes); the import parses, validates, aggregates to
 * the daily grain and writes products and daily rows with their indexes in one transaction.
 */
class ImportBenchmark {

    private static final Path ONLINE_RETAIL = Path.of(System.getProperty("trendcast.bench.file",
            "/work/shared/datasets/online-retail/online_retail.csv.gz"));

    @Test
    void onlineRetailEndToEnd(@TempDir Path work) throws Exception {
        Path csv = work.resolve("online_retail.csv");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(ONLINE_RETAIL))) {
            Files.copy(in, csv);
        }
        long floorMillis;
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("floor"), "sa", "");
             Statement statement = connection.createStatement()) {
            long started = System.nanoTime();
            statement.execute("create table online_retail as select * from csvread('" + csv + "')");
            floorMillis = (System.nanoTime() - started) / 1_000_000;
        }

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TrendcastApplication.class)
                .profiles("cli")
                .run("--spring.datasource.url=jdbc:h2:file:" + work.resolve("trendcast"),
                        "--trendcast.uploads-dir=" + work.resolve("uploads"))) {
            DatasetImportService imports = context.getBean(DatasetImportService.class);
            long started = System.nanoTime();
            ColumnMapping mapping = imports.preview(ONLINE_RETAIL, null).proposal().mapping();
            ImportResult result = imports.importFile(ImportRequest.of(ONLINE_RETAIL, "online_retail.csv.gz", mapping)
                    .withReturns(ReturnsPolicy.NET));
            long importMillis = (System.nanoTime() - started) / 1_000_000;

            System.out.printf("%nH2 CSVREAD floor: %,d ms%nTrendcast import:  %,d ms (%,d rows, %s)%n"
                            + "Ratio: %.2f x   max heap %,d MB%n%n", floorMillis, importMillis,
                    result.report().rowsImported(), result.report().totals(), importMillis / (double) floorMillis,
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            assertThat(result.report().rowsImported()).isEqualTo(541_909);
        }
    }
}
