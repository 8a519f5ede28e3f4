package com.trendcast.fault;

import com.trendcast.TrendcastApplication;
import com.trendcast.testsupport.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault test: the process importing a file is killed with SIGKILL halfway through. After the application
 * restarts, the dataset must be absent (never partial), and importing the same file again must store it whole.
 * The import and the restart run in child JVMs on the application's own classpath and a private H2 file, as in
 * production; the test fails rather than passes vacuously if the import finished before the kill.
 */
class ImportCrashRecoveryTest {

    private static final int ROWS = 300_000;
    private static final int PRODUCTS = 500;
    /** The database file passes this size only once the import has written rows, well before it commits. */
    private static final long MID_IMPORT_FILE_BYTES = 3L * 1024 * 1024;
    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(3);
    private static final Map<Process, Path> LOGS = new ConcurrentHashMap<>();

    @TempDir
    private Path dir;

    @Test
    void killedImportLeavesNoPartialDatasetAndCanBeRepeated() throws Exception {
        Path dataDir = dir.resolve("data");
        Path file = salesFile(dir.resolve("orders.csv"));
        long expectedUnits = expectedUnits();

        Process importer = child(dataDir, "import", "--file", file.toString(), "--name", "Orders");
        Path databaseFile = dataDir.resolve("trendcast.mv.db");
        Instant deadline = Instant.now().plus(CHILD_TIMEOUT);
        while (!(Files.exists(databaseFile) && Files.size(databaseFile) > MID_IMPORT_FILE_BYTES)) {
            assertThat(importer.isAlive()).as("importer died or finished before the kill: " + output(importer))
                    .isTrue();
            assertThat(Instant.now()).as("import never started writing").isBefore(deadline);
            Thread.sleep(100);
        }
        assertThat(importer.isAlive()).isTrue();
        importer.destroyForcibly();
        assertThat(importer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(importer.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        int port = freePort();
        Process restarted = child(dataDir, "--server.port=" + port, "--management.endpoint.health.probes.enabled=true");
        waitUntilReady(restarted, port);
        restarted.destroy();
        assertThat(restarted.waitFor(60, TimeUnit.SECONDS)).isTrue();

        try (Connection connection = open(dataDir)) {
            assertThat(count(connection, "select count(*) from dataset")).isZero();
            assertThat(count(connection, "select count(*) from sales_daily")).isZero();
            assertThat(count(connection, "select count(*) from product")).isZero();
        }

        CliRun again = CliRun.run(dataDir, "", "import", "--file", file.toString(), "--name", "Orders");
        assertThat(again.exitCode()).as(again.err()).isZero();
        try (Connection connection = open(dataDir)) {
            assertThat(count(connection, "select count(*) from dataset where status = 'READY'")).isEqualTo(1);
            assertThat(count(connection, "select cast(sum(units) as bigint) from sales_daily"))
                    .isEqualTo(expectedUnits);
            assertThat(count(connection, "select count(*) from product")).isEqualTo(PRODUCTS);
        }
    }

    /** Row i sells (i mod 7) + 1 units of product i mod 500 on day i mod 730. */
    private static Path salesFile(Path file) throws IOException {
        LocalDate first = LocalDate.of(2022, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Date,SKU,Product,Category,Quantity,Price\n");
            for (int i = 0; i < ROWS; i++) {
                int product = i % PRODUCTS;
                out.write(first.plusDays(i % 730) + ",SKU" + product + ",Product " + product + ",Category "
                        + (product % 5) + "," + (i % 7 + 1) + ",2.50\n");
            }
        }
        return file;
    }

    private static long expectedUnits() {
        long units = 0;
        for (int i = 0; i < ROWS; i++) {
            units += i % 7 + 1;
        }
        return units;
    }

    /** A JVM running the application's main class with production configuration (no test resources). */
    private static Process child(Path dataDir, String... args) throws IOException {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", classpath, TrendcastApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.getParent().resolve("child-" + System.nanoTime() + ".log").toFile());
        builder.environment().put("TRENDCAST_DATA_DIR", dataDir.toString());
        builder.environment().put("TRENDCAST_UPLOADS_DIR", dataDir.resolve("uploads").toString());
        builder.environment().put("TRENDCAST_DEMO_DATA", "false");
        builder.environment().put("TRENDCAST_ADMIN_PASSWORD", "crash-test-passphrase-42");
        builder.environment().put("OMP_NUM_THREADS", "1");
        Files.createDirectories(dataDir);
        Process process = builder.start();
        LOGS.put(process, builder.redirectOutput().file().toPath());
        return process;
    }

    private static String output(Process process) throws IOException {
        return Files.readString(LOGS.get(process), StandardCharsets.UTF_8);
    }

    /** Readiness turns UP only after the start-up runners, crash recovery among them, have finished. */
    private static void waitUntilReady(Process process, int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build();
        Instant deadline = Instant.now().plus(CHILD_TIMEOUT);
        while (true) {
            assertThat(process.isAlive()).as("application stopped: " + output(process)).isTrue();
            assertThat(Instant.now()).as("application did not start: " + output(process)).isBefore(deadline);
            try {
                if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notListeningYet) {
                Thread.sleep(500);
                continue;
            }
            Thread.sleep(500);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Connection open(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("trendcast").toAbsolutePath(), "sa", "");
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
