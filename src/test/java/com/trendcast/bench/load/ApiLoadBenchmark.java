package com.trendcast.bench.load;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Load on the REST API of an already running Trendcast: {@code load.apiClients} clients (default 20) call
 * {@code GET /api/v1/sales?level=category} and the same with {@code format=csv}, in turn and without pause, for
 * {@code load.apiSeconds} (default 60), each with a personal API token as {@code Authorization: Bearer}.
 * Skipped when no token is given.
 *
 * <p>The API limits requests per token (120 a minute by default), so clients sharing one token soon get
 * {@code 429} and measure the limiter. For a load figure, start the server with the limit lifted
 * ({@code --trendcast.security.api-per-token.capacity=1000000}) and give one token; or give each client its own
 * token, comma-separated (client {@code i} uses token {@code i mod n}). A {@code 429} is counted as
 * "rate-limited", neither an error nor a timeout, and the client waits the {@code Retry-After} it was given, as a
 * well-behaved client does. A token comes from the account page or, with the application stopped when on H2, the
 * command line: {@code TOKEN=$(java -jar target/trendcast.jar token create --username admin --label load)}.
 *
 * <p>Run (before it, one client alone makes {@code load.referenceRequests} requests, default 20, as the reference;
 * the whole sequence, server start included, is in {@link WebLoadBenchmark}'s Javadoc):
 *
 * <pre>
 * ./mvnw -o test -Dtest=ApiLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludes=none \
 *     -Dload.url=http://127.0.0.1:8080 -Dload.apiClients=20 -Dload.apiSeconds=60 -Dload.token="$TOKEN" \
 *     -Dload.adminPassword="$TRENDCAST_ADMIN_PASSWORD" -Dload.serverPid=$SERVER
 * </pre>
 *
 * Output: per request kind ({@code api json}, {@code api csv}) count, errors, timeouts, p50, p95, max in ms,
 * the rate-limited count, requests per second, the ratio to one client alone, the heap after, and the verdict:
 * errors (any status other than 200 and 429, a body that is not the format asked for, a failed connection) and
 * timeouts (no answer within {@code load.timeoutSeconds}) apart, target 0 of both; the benchmark fails otherwise.
 * Also written to {@code target/load-api-report.txt}.
 */
class ApiLoadBenchmark {

    private static final String SALES = "api/v1/sales?level=category";

    @Test
    void salesApiUnderLoad() throws Exception {
        List<String> tokens = Arrays.stream(System.getProperty("load.token", "").split(","))
                .map(String::strip).filter(token -> !token.isEmpty()).toList();
        assumeFalse(tokens.isEmpty(), "no -Dload.token: the API load test needs personal API tokens");
        LoadSettings settings = LoadSettings.fromSystemProperties();
        int clients = Integer.getInteger("load.apiClients", 20);
        Duration duration = Duration.ofSeconds(Long.getLong("load.apiSeconds", 60));
        LoadReport report = new LoadReport();
        report.line("API load on %s: %d clients, %d tokens, %d s", settings.baseUrl(), clients, tokens.size(),
                duration.toSeconds());

        Latencies reference = new Latencies();
        ApiClient alone = new ApiClient(settings.baseUrl(), tokens.get(0), settings.responseTimeout(), reference);
        for (int i = 0; i < Integer.getInteger("load.referenceRequests", 20); i++) {
            alone.call(i);
        }

        Latencies load = new Latencies();
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch done = new CountDownLatch(clients);
        AtomicLong rateLimited = new AtomicLong();
        for (int c = 0; c < clients; c++) {
            ApiClient client = new ApiClient(settings.baseUrl(), tokens.get(c % tokens.size()),
                    settings.responseTimeout(), load);
            int first = c % 2;
            pool.submit(() -> {
                try {
                    // Half the clients start with CSV, so the two kinds are mixed from the first request on.
                    for (int i = first; System.nanoTime() < end; i++) {
                        client.call(i);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    rateLimited.addAndGet(client.rateLimited);
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;

        report.problems("Reference client", reference);
        report.table(load);
        Latencies.Summary pooled = report.compare("REQUESTS", "api ", load, reference);
        report.line("%d answered in %.0f s = %.1f per s; rate-limited (429): %d", pooled.count(), seconds,
                pooled.count() / seconds, rateLimited.get());
        new HeapProbe(settings, report).read("after");
        report.finish(load, "target/load-api-report.txt");
    }

    /** One API client: its own connection, its token, JSON and CSV in turn. */
    private static final class ApiClient {
        private final URI base;
        private final String token;
        private final Duration timeout;
        private final Latencies latencies;
        private final HttpClient http;
        private long rateLimited;

        ApiClient(URI base, String token, Duration timeout, Latencies latencies) {
            this.base = base;
            this.token = token;
            this.timeout = timeout;
            this.latencies = latencies;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        }

        void call(int sequence) throws InterruptedException {
            boolean csv = sequence % 2 == 1;
            String kind = csv ? "api csv" : "api json";
            HttpRequest request = HttpRequest.newBuilder(base.resolve(SALES + (csv ? "&format=csv" : "")))
                    .timeout(timeout).header("Authorization", "Bearer " + token)
                    .header("Accept", csv ? "text/csv" : "application/json").GET().build();
            long start = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                latencies.timeout(kind, "no answer within " + timeout.toSeconds() + " s");
                return;
            } catch (IOException e) {
                latencies.error(kind, e.toString());
                return;
            }
            long elapsed = System.nanoTime() - start;
            if (response.statusCode() == 429) {
                rateLimited++;
                long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
                TimeUnit.SECONDS.sleep(Math.max(1, wait));
                return;
            }
            String problem = problem(response, csv);
            if (problem != null) {
                latencies.error(kind, problem);
                return;
            }
            latencies.record(kind, elapsed);
        }

        private static String problem(HttpResponse<String> response, boolean csv) {
            if (response.statusCode() != 200) {
                return "answered " + response.statusCode() + ": " + FlowUser.abbreviate(response.body());
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            String body = response.body().startsWith("\uFEFF") ? response.body().substring(1) : response.body();
            boolean right = csv ? type.startsWith("text/csv") && body.startsWith("category,")
                    : type.startsWith("application/json") && body.startsWith("{");
            return right ? null : "not " + (csv ? "CSV" : "JSON") + ": " + type + " " + FlowUser.abbreviate(body);
        }
    }
}
