package com.trendcast.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL the tests may use: {@code TRENDCAST_TEST_PG_URL}, {@code TRENDCAST_TEST_PG_USER},
 * {@code TRENDCAST_TEST_PG_PASSWORD}. Where none is reachable a test is skipped with the reason, except in CI
 * ({@code CI=true}), which starts one (see {@code .ci/run}) and must not skip silently.
 */
public final class TestPostgres {

    public static final String URL = env("TRENDCAST_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/trendcast_test");
    public static final String USER = env("TRENDCAST_TEST_PG_USER", "trendcast");
    public static final String PASSWORD = env("TRENDCAST_TEST_PG_PASSWORD", "trendcast-test");

    private TestPostgres() {
    }

    /** Drops and recreates the public schema, or skips the test (fails it in CI) when the server is unreachable. */
    public static void requireEmptySchema() {
        String unreachable = null;
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            connection.createStatement().execute("drop schema public cascade; create schema public");
        } catch (SQLException e) {
            unreachable = "PostgreSQL not reachable at " + URL + " as " + USER + ": " + e.getMessage();
        }
        requireInCi(unreachable == null, unreachable + " (CI must provide it: see .ci/run)");
    }

    /** Skips the test when {@code condition} is false, except in CI where it fails with {@code reason}. */
    public static void requireInCi(boolean condition, String reason) {
        if (!condition && "true".equals(System.getenv("CI"))) {
            fail(reason);
        }
        assumeTrue(condition, reason);
    }

    /** Spring arguments that point an application context at this database. */
    public static String[] springArguments() {
        return new String[]{"--spring.datasource.url=" + URL, "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD};
    }

    public static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
