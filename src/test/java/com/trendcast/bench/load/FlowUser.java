package com.trendcast.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser session of Vaadin Flow 24.9, spoken at the protocol level: what {@code Flow.js} and the flow client
 * of {@code flow-client-24.9.5.jar} send, as captured from Chromium (DevTools network log) signing in and clicking
 * through the overview and the sales view of this application:
 *
 * <ol>
 * <li>{@code GET /login}: the bootstrap page; its {@code <meta name="_csrf">} carries Spring Security's CSRF token.
 *     {@code GET /?v-r=init&location=login&query=} creates the UI (answer: {@code appConfig} with the UI id, the
 *     heartbeat interval and the first UIDL holding the Vaadin security key, i.e. the CSRF token of UIDL
 *     requests, and the push id). The push channel opens (below), then the client router sends the first
 *     {@code ui-navigate}, which renders the login view.</li>
 * <li>{@code POST /login} with {@code _csrf}, {@code username}, {@code password} form-encoded, as
 *     {@code vaadin-login-form} submits it: 302 to {@code /?continue} with a new session cookie.</li>
 * <li>{@code GET /?continue}, {@code GET /?v-r=init&location=&query=continue}, push, {@code ui-navigate} to the
 *     overview: the signed-in application.</li>
 * <li>Push ({@code @Push}, transport WEBSOCKET_XHR): Atmosphere over a WebSocket at {@code VAADIN/push?v-r=push&
 *     v-uiId=..&v-pushId=..&X-Atmosphere-...}, first message the handshake {@code 41|<uuid>|0|X|}; every message
 *     from the server is length-prefixed ({@code TrackMessageSize}). Only the server pushes on it; the client's
 *     messages go as XHR.</li>
 * <li>A click on a link (side navigation, breadcrumb) or anything that changes the sales view's URL state
 *     (a chart bar, a filter: the view then navigates server-side to the new URL): {@code POST /?v-r=uidl&v-uiId=N}
 *     with {@code {"csrfToken":key,"rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"sales",
 *     "query":"cat=Kitchen","appShellTitle":"","historyState":null,"trigger":"client"}}],"syncId":S,"clientId":C}},
 *     S the sync id of the last server message applied, C one more than the client id of the previous request
 *     (the server refuses anything else), kept as the flow client keeps them: see {@link UidlSequence}. The answer
 *     ({@code for(;;);[{...}]}) carries the changes that render the view; a view that loads data later pushes
 *     them over the WebSocket, and pushes and answers are applied in sync-id order.</li>
 * </ol>
 *
 * Not reproduced: static resources (the JavaScript bundle, theme, fonts, icons; a returning browser has them
 * cached and they are files, not the application's work), the dev-mode tools WebSocket (absent in production),
 * and the small property-sync requests the browser sends after a view has rendered (e.g. {@code expanded-changed}
 * of side-navigation items; 5-100 ms each in the capture).
 * Not thread-safe: one virtual user, one thread.
 */
final class FlowUser implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER_META = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");
    private static final String UIDL_PREFIX = "for(;;);";
    private static final int ROOT_NODE = 1;

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final Latencies latencies;
    private final LinkedBlockingQueue<String> pushed = new LinkedBlockingQueue<>();
    private final StringBuilder pushBuffer = new StringBuilder();
    private final UidlSequence sequence = new UidlSequence();

    private String afterSignIn = "";
    private String location = "";
    private int uiId = -1;
    private long heartbeatIntervalNanos = Long.MAX_VALUE;
    private long lastContact;
    private String securityKey;
    private String pushId;
    private WebSocket push;
    private volatile String pushFailure;
    private boolean pushFailureReported;

    FlowUser(URI base, Duration timeout, Latencies latencies) {
        this.base = base;
        this.timeout = timeout;
        this.latencies = latencies;
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout).build();
    }

    /**
     * Why a step did not succeed. An {@code ERROR} is a wrong answer, a {@code TIMEOUT} no (complete) answer within
     * {@code load.timeoutSeconds}; {@code NOT_FOUND} is Flow's "Could not navigate to" for a route that does not
     * exist. The reason names what was sent and the client's counters, enough to diagnose it from the report.
     */
    record Failure(Type type, String reason) {
        enum Type { ERROR, TIMEOUT, NOT_FOUND }

        static Failure error(String reason) {
            return new Failure(Type.ERROR, reason);
        }

        static Failure timeout(String reason) {
            return new Failure(Type.TIMEOUT, reason);
        }

        Failure withContext(String context) {
            return new Failure(type, reason + " [" + context + "]");
        }
    }

    private void report(String kind, Failure failure) {
        if (failure.type() == Failure.Type.TIMEOUT) {
            latencies.timeout(kind, failure.reason());
        } else {
            latencies.error(kind, failure.reason());
        }
    }

    /**
     * Signs in as a browser does: opens the login view, posts the form to Spring Security, and leaves the
     * login page (its push channel closes). Records "open /login" and "sign-in POST".
     *
     * @return false (with the error recorded) when the sign-in did not succeed
     */
    boolean signIn(String username, String password) throws IOException, InterruptedException {
        String page = open("open /login", "login", "", List.of("vaadin-login-form"));
        if (page == null) {
            return false;
        }
        Matcher token = CSRF_META.matcher(page);
        if (!token.find()) {
            latencies.error("sign-in POST", "no _csrf meta tag on the login page");
            return false;
        }
        Matcher parameter = CSRF_PARAMETER_META.matcher(page);
        String csrfParameter = parameter.find() ? parameter.group(1) : "_csrf";
        String form = encode(csrfParameter) + "=" + encode(token.group(1))
                + "&username=" + encode(username) + "&password=" + encode(password);
        long start = System.nanoTime();
        HttpResponse<String> login;
        try {
            login = http.send(HttpRequest.newBuilder(base.resolve("login")).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            latencies.timeout("sign-in POST", "no answer within " + timeout.toSeconds() + " s for " + username);
            return false;
        }
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error") || location.endsWith("/login")) {
            latencies.error("sign-in POST", username + ": answered " + login.statusCode() + " → '" + location + "'"
                    + (login.statusCode() == 429 ? " (sign-in rate limit)" : "")
                    + (location.contains("error") ? " (wrong password, or no such account: run LoadUserSetup)" : ""));
            return false;
        }
        latencies.record("sign-in POST", System.nanoTime() - start);
        String query = base.resolve(location).getRawQuery();
        afterSignIn = query == null ? "" : query;
        closePush();
        return true;
    }

    /**
     * The query Spring Security's saved-request redirect puts on the application's address after sign-in
     * ({@code continue}); the browser's first page load carries it.
     */
    String queryAfterSignIn() {
        return afterSignIn;
    }

    /**
     * Loads a page of the application the way a browser does on sign-in or reload: the bootstrap page, the UI
     * init, the push connection, then the client router's first {@code ui-navigate}, which renders the view.
     *
     * @param route  the route without leading slash ({@code ""} for the overview)
     * @param query  the URL query without {@code ?}
     * @return the bootstrap page's HTML, or null when the page did not open (the error is recorded)
     */
    String open(String kind, String route, String query, List<String> readyMarkers) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String address = "/" + route + (query.isEmpty() ? "" : "?" + query);
        HttpResponse<String> page;
        HttpResponse<String> init;
        try {
            page = get(route + (query.isEmpty() ? "" : "?" + query), "text/html");
            if (page.statusCode() != 200) {
                latencies.error(kind, "GET " + address + " answered " + page.statusCode() + ": " + abbreviate(page.body()));
                return null;
            }
            init = get(initPath(route, query), "application/json");
        } catch (HttpTimeoutException e) {
            latencies.timeout(kind, "page " + address + " or its UI init: no answer within " + timeout.toSeconds() + " s");
            return null;
        }
        if (init.statusCode() != 200 || !init.headers().firstValue("Content-Type").orElse("").contains("json")) {
            latencies.error(kind, "UI init of " + address + " answered " + init.statusCode() + " "
                    + init.headers().firstValue("Content-Type").orElse("") + ": " + abbreviate(init.body()));
            return null;
        }
        JsonNode appConfig = JSON.readTree(init.body()).path("appConfig");
        uiId = appConfig.path("v-uiId").asInt(-1);
        heartbeatIntervalNanos = Duration.ofSeconds(appConfig.path("heartbeatInterval").asLong(300)).toNanos();
        JsonNode uidl = appConfig.path("uidl");
        securityKey = uidl.path("Vaadin-Security-Key").asText(null);
        pushId = uidl.path("Vaadin-Push-ID").asText(null);
        sequence.reset();
        if (uiId < 0 || securityKey == null) {
            latencies.error(kind, "UI init of " + address + " without v-uiId or security key: " + abbreviate(init.body()));
            return null;
        }
        Failure failure = null;
        for (JsonNode message : sequence.offer(uidl)) {
            failure = failure != null ? failure : problemIn(message);
        }
        if (failure == null) {
            failure = connectPush();
        }
        if (failure == null) {
            failure = exchange(navigation(route, query, ""), readyMarkers);
        }
        if (failure != null) {
            report(kind, failure.withContext("UI " + uiId + " of " + address));
            return null;
        }
        latencies.record(kind, System.nanoTime() - start);
        location = route + "?" + query;
        return page.body();
    }

    /** Opens the UI's push channel and waits for Atmosphere's handshake; answers what went wrong, or null. */
    private Failure connectPush() throws InterruptedException {
        closePush();
        if (pushId == null) {
            return null;
        }
        String query = "v-r=push&v-uiId=" + uiId + "&v-pushId=" + encode(pushId)
                + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=3.1.5-javascript"
                + "&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                + "&Content-Type=" + encode("application/json; charset=UTF-8") + "&X-atmo-protocol=true";
        URI pushUri = URI.create(base.toString().replaceFirst("^http", "ws") + "VAADIN/push?" + query);
        pushed.clear();
        synchronized (pushBuffer) {
            pushBuffer.setLength(0);
        }
        pushFailure = null;
        pushFailureReported = false;
        try {
            push = http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(pushUri, new PushListener())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Failure.timeout("push WebSocket not open within " + timeout.toSeconds() + " s");
        } catch (Exception e) {
            return Failure.error("push WebSocket failed: " + rootMessage(e));
        }
        // Atmosphere's handshake message (tracking id | heartbeat interval | padding) says the channel is open.
        String handshake = pushed.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (handshake == null) {
            return pushFailure != null ? Failure.error("push channel failed before its handshake: " + pushFailure)
                    : Failure.timeout("no Atmosphere handshake on the push channel within " + timeout.toSeconds() + " s");
        }
        return null;
    }

    private void closePush() {
        if (push != null) {
            WebSocket closing = push;
            push = null;
            pushFailure = null;
            closing.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS)
                    .whenComplete((ws, e) -> closing.abort());
        }
    }

    /**
     * Navigates inside the open UI as a click on a link does (side navigation, breadcrumb; a chart bar or a
     * filter ends in the same server-side navigation to the new URL), and waits until the server has answered
     * and one of the view's data markers has arrived, in the answer or in a later push.
     */
    Outcome navigate(String kind, String route, String query, List<String> readyMarkers) throws InterruptedException {
        long start = System.nanoTime();
        Failure failure = exchange(navigation(route, query, "client"), readyMarkers);
        if (failure != null && failure.type() == Failure.Type.NOT_FOUND) {
            return Outcome.NOT_FOUND;
        }
        if (failure != null) {
            report(kind, failure.withContext("UI " + uiId + " at /" + location + " → /" + route + "?" + query));
            return failure.type() == Failure.Type.TIMEOUT ? Outcome.TIMED_OUT : Outcome.FAILED;
        }
        latencies.record(kind, System.nanoTime() - start);
        location = route + "?" + query;
        return Outcome.DONE;
    }

    /** The router's {@code ui-navigate} event on the UI's root node, as {@code Flow.js} sends it. */
    private static ObjectNode navigation(String route, String query, String trigger) {
        ObjectNode data = JSON.createObjectNode();
        data.put("route", route);
        data.put("query", query);
        data.put("appShellTitle", "");
        data.putNull("historyState");
        data.put("trigger", trigger);
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "event");
        event.put("node", ROOT_NODE);
        event.put("event", "ui-navigate");
        event.set("data", data);
        return event;
    }

    /** How a navigation ended; after {@code FAILED} or {@code TIMED_OUT} the UI's state is unknown. */
    enum Outcome { DONE, NOT_FOUND, FAILED, TIMED_OUT }

    /** Where the UI is: route and query as {@code route?query}. */
    String location() {
        return location;
    }

    /**
     * Sends Flow's heartbeat ({@code POST ?v-r=heartbeat}) when the UI's heartbeat interval has passed since the
     * last request, as the client does so that the server keeps an idle UI alive.
     */
    void heartbeatIfDue() throws InterruptedException {
        if (uiId < 0 || System.nanoTime() - lastContact < heartbeatIntervalNanos) {
            return;
        }
        long start = System.nanoTime();
        lastContact = start;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            base.resolve("?v-r=heartbeat&v-uiId=" + uiId)).timeout(timeout)
                    .header("Content-Type", "text/plain;charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                latencies.error("heartbeat", "UI " + uiId + ": answered " + response.statusCode());
                return;
            }
            latencies.record("heartbeat", System.nanoTime() - start);
        } catch (HttpTimeoutException e) {
            latencies.timeout("heartbeat", "UI " + uiId + ": no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            latencies.error("heartbeat", "UI " + uiId + ": " + rootMessage(e));
        }
    }

    /** Why the push channel broke, once: later calls answer null, so a broken channel counts as one error. */
    String takePushFailure() {
        String failure = pushFailure;
        if (failure != null && !pushFailureReported) {
            pushFailureReported = true;
            return "UI " + uiId + ": " + failure;
        }
        return null;
    }

    /** A GET with this session's cookie, e.g. an actuator endpoint as a signed-in admin. */
    HttpResponse<String> getWithSession(String pathAndQuery) throws IOException, InterruptedException {
        return get(pathAndQuery, "application/json");
    }

    /**
     * Sends one UIDL request (transport WEBSOCKET_XHR: client to server over XHR, server to client pushes over the
     * WebSocket) and reads server messages until its answer has been applied and one marker was seen in the answer
     * or in a message the server wrote after it.
     *
     * <p>Three things interleave here. Pushes written before the server processed this request may arrive after
     * the answer (they are applied in sync-id order, and their {@code clientId}, already used, does not count).
     * The answer may arrive before such a push and then waits for it, as the flow client's does. And a view that
     * loads its data in the background sends it only in a later push: a marker counts only in a message with a
     * {@code syncId} at or after the answer's, so a late push of the previous view cannot pass for this one's
     * data. When a missing message has not come within {@link #MISSING_MESSAGE_GRACE_NANOS}, the client asks for a
     * resynchronisation, as the flow client does, and the loss is recorded as an error of kind "resync".
     */
    private Failure exchange(ObjectNode rpc, List<String> readyMarkers) throws InterruptedException {
        takeUnsolicitedPushes();
        Exchange exchange = new Exchange(readyMarkers);
        if (sequence.waitingNanos() > MISSING_MESSAGE_GRACE_NANOS) {
            Failure failure = resynchronize(exchange);
            if (failure != null) {
                return failure;
            }
        }
        ObjectNode message = uidlMessage(rpc);
        String sent = "sent clientId " + message.path("clientId").asInt() + " syncId " + message.path("syncId").asInt();
        lastContact = System.nanoTime();
        long deadline = lastContact + timeout.toNanos();
        Answer answer = postUidl(message);
        if (answer.failure() != null) {
            return answer.failure().withContext(sent + "; " + sequence.describe());
        }
        exchange.expectAnswer(UidlSequence.syncId(answer.uidl()));
        Failure failure = exchange.take(sequence.offer(answer.uidl()));
        while (failure == null && !exchange.done()) {
            if (sequence.waitingNanos() > MISSING_MESSAGE_GRACE_NANOS) {
                failure = resynchronize(exchange);
                continue;
            }
            long left = deadline - System.nanoTime();
            String text = left <= 0 ? null : pushed.poll(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS);
            if (text == null) {
                if (pushFailure != null) {
                    failure = Failure.error("push channel failed while waiting: " + pushFailure);
                } else if (System.nanoTime() >= deadline) {
                    failure = Failure.timeout(exchange.missing(readyMarkers) + " within " + timeout.toSeconds() + " s");
                }
            } else if (!isHeartbeat(text)) {
                JsonNode uidl = parse(text);
                failure = uidl == null ? Failure.error("unreadable push: " + abbreviate(text))
                        : exchange.take(sequence.offer(uidl));
            }
        }
        return failure == null ? null : failure.withContext(sent + ", answer syncId " + exchange.answerSyncId
                + "; " + sequence.describe());
    }

    /** How long a server message may be missing before a resynchronisation (the flow client's figure). */
    private static final long MISSING_MESSAGE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** What one exchange has seen so far of the messages the sequence released to it. */
    private final class Exchange {
        private final List<String> readyMarkers;
        private int answerSyncId = Integer.MAX_VALUE;
        private boolean answerApplied;
        private boolean ready;

        Exchange(List<String> readyMarkers) {
            this.readyMarkers = readyMarkers;
            this.ready = readyMarkers.isEmpty();
        }

        void expectAnswer(int syncId) {
            answerSyncId = syncId;
            answerApplied = syncId == UidlSequence.UNDEFINED;
        }

        boolean done() {
            return answerApplied && ready;
        }

        /**
         * Applies released messages: an error in one written before this request was processed is the previous
         * view's (recorded as "push"); one in this exchange's messages fails it.
         */
        Failure take(List<JsonNode> released) {
            for (JsonNode uidl : released) {
                int syncId = UidlSequence.syncId(uidl);
                boolean ours = syncId == UidlSequence.UNDEFINED || syncId >= answerSyncId
                        || UidlSequence.isResynchronization(uidl);
                if (syncId != UidlSequence.UNDEFINED && syncId >= answerSyncId) {
                    answerApplied = true;
                }
                Failure problem = problemIn(uidl);
                if (problem != null && ours) {
                    return problem.withContext("in syncId " + syncId);
                }
                if (problem != null) {
                    report("push", problem.withContext("UI " + uiId + ", late message syncId " + syncId));
                }
                if (ours && !ready) {
                    String text = uidl.toString();
                    ready = readyMarkers.stream().anyMatch(text::contains);
                }
            }
            return null;
        }

        String missing(List<String> markers) {
            if (!answerApplied) {
                return "answer syncId " + answerSyncId + " received but not applicable (an earlier message is missing)";
            }
            return "no data " + markers + " after the answer";
        }
    }

    /**
     * Asks the server for the whole UI state, as the flow client does when a message it waits for does not come:
     * an empty request flagged {@code resynchronize}, whose answer is applied whatever came before.
     */
    private Failure resynchronize(Exchange exchange) {
        latencies.error("resync", "UI " + uiId + ": a server message never arrived; resynchronizing ("
                + sequence.describe() + ")");
        ObjectNode message = uidlMessage(null);
        message.put("resynchronize", true);
        Answer answer = postUidl(message);
        if (answer.failure() != null) {
            return answer.failure().withContext("resynchronization request; " + sequence.describe());
        }
        if (!UidlSequence.isResynchronization(answer.uidl())) {
            return Failure.error("resynchronization answered without the resynchronize flag: "
                    + abbreviate(answer.uidl().toString()));
        }
        return exchange.take(sequence.offer(answer.uidl()));
    }

    /** A UIDL request carrying the client's counters; the {@code clientId} counts as used from here. */
    private ObjectNode uidlMessage(ObjectNode rpc) {
        ObjectNode message = JSON.createObjectNode();
        message.put("csrfToken", securityKey);
        ArrayNode invocations = message.putArray("rpc");
        if (rpc != null) {
            invocations.add(rpc);
        }
        message.put("syncId", sequence.lastSeenSyncId());
        message.put("clientId", sequence.takeClientId());
        return message;
    }

    /**
     * Applies what the server pushed since the last exchange (a view finishing its data late, a heartbeat), so
     * the next message carries the latest {@code syncId}; an error among them counts against "push".
     */
    private void takeUnsolicitedPushes() {
        for (String text = pushed.poll(); text != null; text = pushed.poll()) {
            if (isHeartbeat(text)) {
                continue;
            }
            JsonNode uidl = parse(text);
            if (uidl == null) {
                latencies.error("push", "UI " + uiId + ": unreadable push: " + abbreviate(text));
                continue;
            }
            for (JsonNode message : sequence.offer(uidl)) {
                Failure problem = problemIn(message);
                if (problem != null) {
                    report("push", problem.withContext("UI " + uiId + ", syncId " + UidlSequence.syncId(message)));
                }
            }
        }
    }

    /** One server message as JSON (an XHR answer is {@code for(;;);[{...}]}, a push {@code {...}}), or null. */
    private static JsonNode parse(String text) {
        try {
            JsonNode uidl = JSON.readTree(text.startsWith(UIDL_PREFIX) ? text.substring(UIDL_PREFIX.length()) : text);
            return uidl.isArray() ? uidl.path(0) : uidl;
        } catch (IOException e) {
            return null;
        }
    }

    /** What the server says went wrong in one message, or null. */
    private static Failure problemIn(JsonNode uidl) {
        JsonNode meta = uidl.path("meta");
        if (meta.path("sessionExpired").asBoolean(false)) {
            return Failure.error("session expired");
        }
        if (meta.has("appError")) {
            return Failure.error("appError: " + abbreviate(meta.path("appError").toString()));
        }
        String text = uidl.toString();
        if (text.contains("Could not navigate to")) {
            return new Failure(Failure.Type.NOT_FOUND, "not found");
        }
        // Flow's "Internal error" notification and the error view both reach the client as ordinary changes.
        for (String sign : List.of("Internal error", "There was an exception while trying to navigate")) {
            int at = text.indexOf(sign);
            if (at >= 0) {
                return Failure.error("error view or notification: '"
                        + text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 260)) + "'");
            }
        }
        return null;
    }

    /** The body of a UIDL answer, or why there is none. */
    private record Answer(JsonNode uidl, Failure failure) {
    }

    private Answer postUidl(ObjectNode message) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            base.resolve("?v-r=uidl&v-uiId=" + uiId)).timeout(timeout)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(message.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new Answer(null, Failure.error("UIDL request answered " + response.statusCode() + ": "
                        + abbreviate(response.body())));
            }
            JsonNode uidl = parse(response.body());
            return uidl == null ? new Answer(null, Failure.error("unreadable UIDL answer: " + abbreviate(response.body())))
                    : new Answer(uidl, null);
        } catch (HttpTimeoutException e) {
            return new Answer(null, Failure.timeout("UIDL request got no answer within " + timeout.toSeconds() + " s"));
        } catch (IOException e) {
            return new Answer(null, Failure.error("UIDL request failed: " + rootMessage(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, Failure.error("interrupted"));
        }
    }

    /** Atmosphere's keep-alive: a lone "X" (its heartbeat padding), or Atmosphere's handshake line. */
    private static boolean isHeartbeat(String text) {
        return text.isBlank() || text.equals("X") || !text.contains("{");
    }

    private HttpResponse<String> get(String pathAndQuery, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(timeout).header("Accept", accept)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String initPath(String route, String query) {
        return "?v-r=init&location=" + encode(route) + "&query=" + encode(query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public void close() {
        closePush();
    }

    /**
     * Splits the WebSocket text stream into Atmosphere messages: with {@code TrackMessageSize} each is
     * {@code length|payload}, the length counted in UTF-16 units, and a frame may hold several or a part of one.
     */
    private final class PushListener implements WebSocket.Listener {

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            synchronized (pushBuffer) {
                pushBuffer.append(data);
                while (true) {
                    int bar = pushBuffer.indexOf("|");
                    if (bar < 0) {
                        break;
                    }
                    int length;
                    try {
                        length = Integer.parseInt(pushBuffer.substring(0, bar));
                    } catch (NumberFormatException e) {
                        pushFailure = "unframed message: " + abbreviate(pushBuffer.toString());
                        pushBuffer.setLength(0);
                        break;
                    }
                    if (pushBuffer.length() < bar + 1 + length) {
                        break;
                    }
                    pushed.add(pushBuffer.substring(bar + 1, bar + 1 + length));
                    pushBuffer.delete(0, bar + 1 + length);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            pushFailure = "closed by the server (" + statusCode + " " + reason + ")";
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pushFailure = rootMessage(error);
        }
    }
}
