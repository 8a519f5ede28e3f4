package com.trendcast.bench.load;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
 * is found by the reference user, reported as skipped, and left out. After a navigation that failed or timed out
 * the user reloads the page, as a person would.
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
 * The full 50-user run, from a clean data folder, on a quiet machine (one shell; the load runs from the same
 * machine, over loopback):
 * <pre>
 * ./mvnw -Pproduction package -DskipTests                 # target/trendcast.jar
 * export TRENDCAST_DATA_DIR=/tmp/load-data TRENDCAST_ADMIN_PASSWORD='Trend-root-pass-2026' OMP_NUM_THREADS=1
 * export TRENDCAST_DEMO_TRAINING=false                     # no demo training run competing for the CPU
 * # 1. first start: database, admin account, demo import; stop it (Ctrl-C) once the log says "Demo data imported"
 * java -jar target/trendcast.jar
 * # 2. application stopped (H2 allows one process per file): the load accounts, and an API token for ApiLoadBenchmark
 * ./mvnw -o test -Dtest=LoadUserSetup -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludes=none \
 *     -Dload.dataDir=$TRENDCAST_DATA_DIR -Dload.users=50 -Dload.password='load-test-passphrase-2026'
 * TOKEN=$(java -jar target/trendcast.jar token create --username admin --label load)
 * # 3. the application, with the per-token API limit lifted for ApiLoadBenchmark (120 a minute otherwise)
 * java -jar target/trendcast.jar --trendcast.security.api-per-token.capacity=1000000 > /tmp/load-server.log 2>&1 &
 * SERVER=$!; until curl -sf -o /dev/null http://127.0.0.1:8080/login; do sleep 2; done
 * # 4. the web load (5 minutes after its 20 s ramp-up), then the API load
 * ./mvnw -o test -Dtest=WebLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludes=none \
 *     -Dload.url=http://127.0.0.1:8080 -Dload.users=50 -Dload.seconds=300 \
 *     -Dload.password='load-test-passphrase-2026' -Dload.adminPassword="$TRENDCAST_ADMIN_PASSWORD" -Dload.serverPid=$SERVER
 * ./mvnw -o test -Dtest=ApiLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludes=none \
 *     -Dload.url=http://127.0.0.1:8080 -Dload.apiClients=20 -Dload.apiSeconds=60 -Dload.token="$TOKEN" \
 *     -Dload.adminPassword="$TRENDCAST_ADMIN_PASSWORD" -Dload.serverPid=$SERVER
 * kill $SERVER
 * </pre>
 * A short check of the tool itself: {@code -Dload.users=5 -Dload.seconds=60} and {@code -Dload.apiClients=1
 * -Dload.apiSeconds=20}. With {@code spring-boot:run} instead of the jar, give the server's settings as
 * {@code -Dspring-boot.run.arguments="--server.port=8102 --trendcast.security.api-per-token.capacity=1000000"}.
 *
 * Further settings: {@code load.rampUpSeconds} (20; sign-ins spread over it), {@code load.thinkMinMillis} /
 * {@code load.thinkMaxMillis} (1000 / 3000), {@code load.routes} (comma-separated, each
 * {@code /path?query[#marker|marker]}; default {@link LoadSettings#DEFAULT_ROUTES}),
 * {@code load.referenceNavigations} (20), {@code load.timeoutSeconds} (60), {@code load.userPrefix}
 * ({@code load-user-}), {@code load.adminUser} ({@code admin}), {@code load.seed} (42).
 * The sign-in rate limit per client address (60 in 5 minutes by default) admits one 50-user run at a time
 * (50 users, the reference user, the heap probe's admin twice): wait five minutes between full runs from the same
 * machine.
 *
 * <h2>Offered load</h2>
 * Each user is a closed loop: think (uniform between the two think times), click, wait for the view's data, think
 * again; the sign-ins are spread evenly over the ramp-up. So 50 users thinking 2 s on average offer at most
 * 25 navigations a second, and less as the answers slow down: a saturated server is seen as growing latencies
 * and timeouts, not as an unbounded queue. The report prints this ceiling next to what was served.
 *
 * <h2>Output</h2>
 * A table per request kind (count answered, errors, timeouts, p50, p95, max in ms of the answered ones):
 * {@code open /login} (login page with its UI), {@code sign-in POST}, {@code open /} (the application after
 * sign-in, first view rendered), {@code nav <route>} per route, {@code heartbeat}, {@code push} (a server message
 * outside any navigation that reports an error), {@code resync} (a server message that never arrived); then all
 * navigations pooled, the reference, their ratio, throughput, heap before and after, and the verdict. Errors and
 * timeouts are counted apart: an error is a wrong answer (HTTP error, error view, {@code appError}, session expiry,
 * a protocol violation such as an unexpected client id, a broken push channel), a timeout no answer or no data
 * within {@code load.timeoutSeconds} (the server too slow for the offered load). Each is printed once as
 * {@code LOAD ERROR} / {@code LOAD TIMEOUT} with what was sent (client id, sync id), the UI, the route and the
 * client's counters; the table keeps the first of each kind. Target 0 of both: the benchmark fails otherwise. The
 * same text is written to {@code target/load-web-report.txt}.
 */
class WebLoadBenchmark {

    private static final List<String> OVERVIEW_MARKERS = List.of("overview-kpis", "overview-empty");
    private static final List<String> SALES_MARKERS = List.of("sales-kpis", "sales-empty");

    @Test
    void browseUnderLoad() throws Exception {
        LoadSettings settings = LoadSettings.fromSystemProperties();
        assumeFalse(settings.password().isEmpty(), "no -Dload.password: the web load test needs the load accounts");
        LoadReport report = new LoadReport();
        report.line("Web load on %s: %d users, %d s, think %d-%d ms, ramp-up %d s, response timeout %d s",
                settings.baseUrl(), settings.users(), settings.duration().toSeconds(), settings.thinkMin().toMillis(),
                settings.thinkMax().toMillis(), settings.rampUp().toSeconds(), settings.responseTimeout().toSeconds());
        double meanThinkSeconds = (settings.thinkMin().toMillis() + settings.thinkMax().toMillis()) / 2000.0;
        report.line("Offered load: at most %.1f navigations per s (users / mean think time), sign-ins %.1f per s",
                settings.users() / meanThinkSeconds, settings.users() / (double) Math.max(1, settings.rampUp().toSeconds()));
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

        report.table(load);
        Latencies.Summary pooled = report.compare("NAVIGATIONS", "nav ", load, reference);
        report.line("%d navigations tried, %d answered in %.0f s = %.1f per s", navigations.get(), pooled.count(),
                seconds, pooled.count() / seconds);
        heap.read("after");
        report.finish(load, "target/load-web-report.txt");
    }

    /** One user alone, no think time: the reference latencies, and which routes exist. */
    private static void runReference(LoadSettings settings, List<Route> routes, Latencies reference, LoadReport report)
            throws IOException, InterruptedException {
        int user = 1;
        try (FlowUser alone = new FlowUser(settings.baseUrl(), settings.responseTimeout(), reference)) {
            if (!alone.signIn(settings.username(user), settings.password())
                    || alone.open("open /", "", alone.queryAfterSignIn(), OVERVIEW_MARKERS) == null) {
                report.problems("Reference user's sign-in", reference);
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
            report.problems("Warm-up pass", reference);
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
        report.problems("Reference run", reference);
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
                open = outcome == FlowUser.Outcome.DONE || outcome == FlowUser.Outcome.NOT_FOUND;
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
}
