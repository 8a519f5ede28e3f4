package com.trendcast.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Load on the web UI of an already running Trendcast: {@code load.users} signed-in users (default 50) browse the
 * overview, the sales view in many URL states and the forecast views for {@code load.seconds} (default 300),
 * each waiting 1-3 s between clicks, on loopback.
 *
 * <h2>Why a protocol-level client and not a browser pool</h2>
 * Vaadin keeps the UI state on the server and talks to the browser in its own protocol (UIDL over XHR, pushes
 * over an Atmosphere WebSocket), so a plain HTTP load tool cannot click anything. A pool of 50 headless Chromium
 * instances would speak it, but on the 2-core machines this project runs on, 50 browsers each running the
 * Vaadin client and drawing ApexCharts in JavaScript would take the CPU from the server they share it with,
 * and the figures would measure the browsers, not the server. A recorded-session tool (JMeter, Gatling) would
 * need its recording re-correlated by hand for every dynamic value (CSRF token, security key, push id, sync and
 * client ids) and a dependency for it. Each virtual user here is a {@link FlowUser}: Java's {@code HttpClient}
 * with its own cookie jar and its {@code WebSocket}, sending the requests a browser sends (captured from
 * Chromium; listed in {@link FlowUser}) and reading the dynamic values from the answers, at a negligible CPU cost
 * per request. What it does not measure is the browser's own rendering time.
 *
 * <h2>What a virtual user does</h2>
 * Signs in through the login view and Spring Security's form login (CSRF token from the page), opens the
 * application (bootstrap, UI init, push connection, first view), then until the end: thinks, and navigates to a
 * route drawn from {@code load.routes}, as a click does. A navigation counts as done when the server has answered
 * and the view's data has arrived (its marker id, e.g. {@code sales-kpis}, in the answer or a later push); a
 * view that loads data asynchronously is thus timed until its pushed data is there. Every fifth user is an admin,
 * the others managers of one demo category ({@link LoadAccounts}); {@code {category}} and {@code {subcategory}} in a
 * route are the user's drill path. A route whose view does not exist (e.g. {@code /forecasts} before it is built)
 * is found by the reference user, reported as skipped, and left out. Errors: HTTP errors, a Vaadin
 * {@code appError} or session expiry, an error view, a push channel that breaks, no data within
 * {@code load.timeoutSeconds}.
 *
 * <h2>Reference and heap</h2>
 * Before the load, one user alone makes {@code load.referenceNavigations} navigations without think time: the
 * same requests on an idle server, so the report gives the load's p50 and p95 as a ratio to it. Heap used is read
 * before and after from {@code /actuator/metrics/jvm.memory.used?tag=area:heap}, signed in as an admin (the
 * actuator needs role ADMIN; a form-login session is what the security chain accepts). With
 * {@code -Dload.serverPid} the server is first told to collect garbage ({@code jcmd PID GC.run}), so the figure
 * is the live heap, not whatever garbage was waiting.
 *
 * <h2>Run</h2>
 * <ol>
 * <li>Accounts, once per database ({@link LoadUserSetup}, with the application stopped when on H2):
 * <pre>
 * ./mvnw -o test -Dtest=LoadUserSetup -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludes=none \
 *     -Dload.dataDir=./data -Dload.users=50 -Dload.password='load-test-passphrase-2026'
 * </pre></li>
 * <li>Start the application ({@code OMP_NUM_THREADS=1 java -jar target/trendcast.jar}, or {@code spring-boot:run})
 * and wait for the demo import to finish.</li>
 * <li>The load, from the same machine:
 * <pre>
 * ./mvnw -o test -Dtest=WebLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludes=none \
 *     -Dload.url=http://127.0.0.1:8080 -Dload.users=50 -Dload.seconds=300 \
 *     -Dload.password='load-test-passphrase-2026' -Dload.adminPassword='...' -Dload.serverPid=PID
 * </pre></li>
 * </ol>
 * Further settings: {@code load.rampUpSeconds} (20; sign-ins spread over it), {@code load.thinkMinMillis} /
 * {@code load.thinkMaxMillis} (1000 / 3000), {@code load.routes} (comma-separated, each
 * {@code /path?query[#marker|marker]}; default {@link LoadSettings#DEFAULT_ROUTES}),
 * {@code load.referenceNavigations} (20), {@code load.timeoutSeconds} (60), {@code load.userPrefix}
 * ({@code load-user-}), {@code load.adminUser} ({@code admin}), {@code load.seed} (42).
 * The sign-in rate limit per client address (60 in 5 minutes by default) admits one 50-user run at a time:
 * wait five minutes between full runs from the same machine.
 *
 * <h2>Output</h2>
 * A table per request kind (count, errors, p50, p95, max in ms): {@code open /login} (login page with its UI),
 * {@code sign-in POST}, {@code open /} (the application after sign-in, first view rendered), {@code nav <route>}
 * per route, {@code heartbeat}, {@code push}; then all navigations pooled, the reference, their ratio, throughput,
 * heap before and after, and the error count (target 0; the benchmark fails when it is not). The same text is
 * written to {@code target/load-web-report.txt}.
 */
class WebLoadBenchmark {

    private static final List<String> OVERVIEW_MARKERS = List.of("overview-kpis", "overview-empty");
    private static final List<String> SALES_MARKERS = List.of("sales-kpis", "sales-empty");

    @Test
    void browseUnderLoad() throws Exception {
        LoadSettings settings = LoadSettings.fromSystemProperties();
        assumeFalse(settings.password().isEmpty(), "no -Dload.password: the web load test needs the load accounts");
        Report report = new Report();
        report.line("Web load on %s: %d users, %d s, think %d-%d ms, ramp-up %d s", settings.baseUrl(),
                settings.users(), settings.duration().toSeconds(), settings.thinkMin().toMillis(),
                settings.thinkMax().toMillis(), settings.rampUp().toSeconds());
        HeapProbe heap = new HeapProbe(settings, report);
        heap.read("before");

        List<Route> routes = new ArrayList<>(settings.routes().stream().map(WebLoadBenchmark::route).toList());
        Latencies reference = new Latencies();
        runReference(settings, routes, reference, report);

        Latencies load = new Latencies();
        AtomicInteger navigations = new AtomicInteger();
        long started = System.nanoTime();
        long end = started + settings.rampUp().toNanos() + settings.duration().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(settings.users());
        CountDownLatch done = new CountDownLatch(settings.users());
        List<Route> mix = List.copyOf(routes);
        for (int index = 1; index <= settings.users(); index++) {
            int user = index;
            long delay = settings.rampUp().toNanos() * (user - 1) / Math.max(1, settings.users());
            pool.submit(() -> {
                try {
                    browse(settings, user, started + delay, end, mix, load, navigations);
                } catch (Exception e) {
                    load.error("user", settings.username(user) + ": " + e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;

        report.line("");
        report.line(Latencies.Summary.header());
        load.summaries().forEach((kind, summary) -> report.line(summary.line(kind)));
        Latencies.Summary pooled = load.pooled("nav ");
        Latencies.Summary alone = reference.pooled("nav ");
        report.line("");
        report.line(pooled.line("ALL NAVIGATIONS under load"));
        report.line(alone.line("ALL NAVIGATIONS one user alone"));
        report.line("p50 ratio load/alone %.2f, p95 ratio %.2f; %d navigations in %.0f s = %.1f per s",
                pooled.p50Millis() / alone.p50Millis(), pooled.p95Millis() / alone.p95Millis(),
                navigations.get(), seconds, navigations.get() / seconds);
        heap.read("after");
        long errors = load.totalErrors();
        report.line("ERRORS: %d (target 0)", errors);
        report.write("target/load-web-report.txt");
        assertEquals(0, errors, "errors under load; see LOAD ERROR lines and the table above");
    }

    /** One user alone, no think time: the reference latencies, and which routes exist. */
    private static void runReference(LoadSettings settings, List<Route> routes, Latencies reference, Report report)
            throws IOException, InterruptedException {
        int user = 1;
        try (FlowUser alone = new FlowUser(settings.baseUrl(), settings.responseTimeout(), reference)) {
            if (!alone.signIn(settings.username(user), settings.password())
                    || alone.open("open /", "", alone.queryAfterSignIn(), OVERVIEW_MARKERS) == null) {
                reportErrors(report, "Reference user's sign-in", reference);
                throw new IllegalStateException("reference user " + settings.username(user) + " could not sign in; "
                        + "did LoadUserSetup run with the same -Dload.password?");
            }
            List<Route> missing = new ArrayList<>();
            for (Route route : routes) {
                if (navigate(alone, route, user) == FlowUser.Outcome.NOT_FOUND) {
                    missing.add(route);
                    report.line("Route %s answers 'not found': skipped", route.spec());
                }
            }
            routes.removeAll(missing);
            if (routes.isEmpty()) {
                throw new IllegalStateException("no route of load.routes exists");
            }
            reportErrors(report, "Warm-up pass", reference);
            // The pass above warmed the server up (first queries, class loading); this one is the reference.
            reference.clear();
            for (int i = 0; i < settings.referenceNavigations(); i++) {
                Route route = routes.get(i % routes.size());
                if (route.location(user).equals(alone.location())) {
                    route = routes.get((i + 1) % routes.size());
                }
                navigate(alone, route, user);
            }
        }
        reportErrors(report, "Reference run", reference);
    }

    private static void reportErrors(Report report, String what, Latencies latencies) {
        latencies.summaries().forEach((kind, summary) -> {
            if (summary.errors() > 0) {
                report.line("%s: %d errors in '%s', first: %s", what, summary.errors(), kind, summary.firstError());
            }
        });
    }

    private static void browse(LoadSettings settings, int user, long startAt, long end, List<Route> routes,
                               Latencies latencies, AtomicInteger navigations) throws IOException, InterruptedException {
        sleepUntil(startAt);
        Random random = new Random(settings.seed() + user);
        try (FlowUser browser = new FlowUser(settings.baseUrl(), settings.responseTimeout(), latencies)) {
            if (!browser.signIn(settings.username(user), settings.password())) {
                return;
            }
            boolean open = browser.open("open /", "", browser.queryAfterSignIn(), OVERVIEW_MARKERS) != null;
            while (System.nanoTime() < end) {
                long think = settings.thinkMin().toMillis()
                        + (long) (random.nextDouble() * (settings.thinkMax().toMillis() - settings.thinkMin().toMillis()));
                Thread.sleep(Math.max(0, Math.min(think, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
                if (System.nanoTime() >= end) {
                    break;
                }
                if (!open) {
                    // What a person does when the page broke: reload it.
                    open = browser.open("open /", "", "", OVERVIEW_MARKERS) != null;
                    continue;
                }
                browser.heartbeatIfDue();
                Route route = routes.get(random.nextInt(routes.size()));
                while (routes.size() > 1 && route.location(user).equals(browser.location())) {
                    route = routes.get(random.nextInt(routes.size()));
                }
                FlowUser.Outcome outcome = navigate(browser, route, user);
                navigations.incrementAndGet();
                String pushFailure = browser.takePushFailure();
                if (pushFailure != null) {
                    latencies.error("push", pushFailure);
                }
                open = outcome != FlowUser.Outcome.FAILED;
            }
        }
    }

    /**
     * A click to another URL of the view already shown renders it again only where the view renders from its
     * query (the sales view); elsewhere (the overview) Flow keeps the view, and no data is awaited.
     */
    private static FlowUser.Outcome navigate(FlowUser browser, Route route, int user) throws InterruptedException {
        String currentPath = browser.location().substring(0, browser.location().indexOf('?'));
        boolean rendersAgain = !route.path().equals(currentPath) || route.path().equals("sales");
        return browser.navigate(route.kind(), route.path(), route.query(user), rendersAgain ? route.markers() : List.of());
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** {@code /sales?cat={category}#sales-kpis}: path, query template and the markers of the view's data. */
    static Route route(String spec) {
        String markers = spec.contains("#") ? spec.substring(spec.indexOf('#') + 1) : null;
        String address = spec.contains("#") ? spec.substring(0, spec.indexOf('#')) : spec;
        String path = (address.contains("?") ? address.substring(0, address.indexOf('?')) : address).replaceFirst("^/", "");
        String query = address.contains("?") ? address.substring(address.indexOf('?') + 1) : "";
        List<String> readyMarkers = markers != null ? List.of(markers.split("\\|"))
                : path.isEmpty() ? OVERVIEW_MARKERS : path.equals("sales") ? SALES_MARKERS : List.of();
        return new Route(address, path, query, readyMarkers);
    }

    record Route(String spec, String path, String queryTemplate, List<String> markers) {

        String kind() {
            return "nav " + spec;
        }

        /** The query with the user's drill path in place, encoded as the browser's address bar has it. */
        String location(int user) {
            return path + "?" + query(user);
        }

        String query(int user) {
            List<String> drill = LoadAccounts.drillPath(user);
            return queryTemplate.replace("{category}", encode(drill.get(0))).replace("{subcategory}", encode(drill.get(1)));
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** Lines printed as they come and kept for the report file. */
    static final class Report {
        private final List<String> lines = new CopyOnWriteArrayList<>();

        void line(String format, Object... args) {
            String line = args.length == 0 ? format : String.format(format, args);
            System.out.println(line);
            lines.add(line);
        }

        void write(String file) throws IOException {
            Path path = Path.of(file);
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.write(path, lines);
        }
    }

    /** Heap used on the server, read as an admin through the actuator, after a GC when the server's pid is known. */
    static final class HeapProbe {
        private final LoadSettings settings;
        private final Report report;

        HeapProbe(LoadSettings settings, Report report) {
            this.settings = settings;
            this.report = report;
        }

        void read(String when) throws IOException, InterruptedException {
            if (settings.adminPassword().isEmpty()) {
                report.line("Heap %s: not read (no -Dload.adminPassword)", when);
                return;
            }
            String gc = "";
            if (settings.serverPid() > 0) {
                Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(settings.serverPid()), "GC.run").redirectErrorStream(true).start();
                gc = jcmd.waitFor(60, TimeUnit.SECONDS) && jcmd.exitValue() == 0 ? " (after a GC)" : " (GC.run failed)";
            }
            Latencies ignored = new Latencies();
            try (FlowUser admin = new FlowUser(settings.baseUrl(), settings.responseTimeout(), ignored)) {
                if (!admin.signIn(settings.adminUser(), settings.adminPassword())) {
                    report.line("Heap %s: admin could not sign in %s", when, ignored.summaries());
                    return;
                }
                Map<String, Double> values = new LinkedHashMap<>();
                for (String metric : List.of("jvm.memory.used", "jvm.memory.committed", "jvm.memory.max")) {
                    var response = admin.getWithSession("actuator/metrics/" + metric + "?tag=area:heap");
                    if (response.statusCode() != 200) {
                        report.line("Heap %s: %s answered %d", when, metric, response.statusCode());
                        return;
                    }
                    values.put(metric, new ObjectMapper().readTree(response.body())
                            .path("measurements").path(0).path("value").asDouble());
                }
                report.line("Heap %s%s: used %.0f MiB, committed %.0f MiB, max %.0f MiB", when, gc,
                        values.get("jvm.memory.used") / (1 << 20), values.get("jvm.memory.committed") / (1 << 20),
                        values.get("jvm.memory.max") / (1 << 20));
            }
        }
    }
}
