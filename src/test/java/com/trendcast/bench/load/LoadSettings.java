package com.trendcast.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The {@code load.*} system properties of the load benchmarks, read once, with their defaults. */
record LoadSettings(URI baseUrl, int users, Duration duration, Duration rampUp, String userPrefix, String password,
                    Duration thinkMin, Duration thinkMax, List<String> routes, int referenceNavigations,
                    Duration responseTimeout, String adminUser, String adminPassword, long serverPid, long seed) {

    /** Routes a user opens, drawn at random: overview, the sales view in several URL states, the forecast views. */
    static final String DEFAULT_ROUTES = String.join(",",
            "/", "/sales", "/sales?grain=month", "/sales?grain=day&from=2011-09-01&to=2011-11-30",
            "/sales?cat={category}", "/sales?cat={category}&grain=month",
            "/sales?cat={category}&cat={subcategory}", "/sales?cat={category}&from=2011-06-01&to=2011-08-31",
            "/sales?region=United%20Kingdom", "/forecasts", "/forecasts?level=category");

    static LoadSettings fromSystemProperties() {
        String url = System.getProperty("load.url", "http://127.0.0.1:8080");
        return new LoadSettings(
                URI.create(url.endsWith("/") ? url : url + "/"),
                Integer.getInteger("load.users", 50),
                Duration.ofSeconds(Long.getLong("load.seconds", 300)),
                Duration.ofSeconds(Long.getLong("load.rampUpSeconds", 20)),
                System.getProperty("load.userPrefix", "load-user-"),
                System.getProperty("load.password", ""),
                Duration.ofMillis(Long.getLong("load.thinkMinMillis", 1000)),
                Duration.ofMillis(Long.getLong("load.thinkMaxMillis", 3000)),
                Arrays.stream(System.getProperty("load.routes", DEFAULT_ROUTES).split(","))
                        .map(String::strip).filter(route -> !route.isEmpty()).toList(),
                Integer.getInteger("load.referenceNavigations", 20),
                Duration.ofSeconds(Long.getLong("load.timeoutSeconds", 60)),
                System.getProperty("load.adminUser", "admin"),
                System.getProperty("load.adminPassword", ""),
                Long.getLong("load.serverPid", -1),
                Long.getLong("load.seed", 42));
    }

    /** Virtual user {@code index} (1-based) signs in as this account, e.g. {@code load-user-07}. */
    String username(int index) {
        return userPrefix + String.format("%02d", index);
    }
}
