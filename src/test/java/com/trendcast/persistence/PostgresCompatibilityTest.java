package com.trendcast.persistence;

import com.trendcast.TrendcastApplication;
import com.trendcast.sales.SalesAnalytics;
import com.trendcast.sales.SalesAnalyticsService;
import com.trendcast.sales.SalesFilter;
import com.trendcast.sales.SalesOverview;
import com.trendcast.sales.SalesQueryService;
import com.trendcast.security.AccessScope;
import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.security.UserSummary;
import com.trendcast.testsupport.SalesFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the Flyway migrations and a round-trip through the services on a real PostgreSQL.
 * Where none is reachable the test is skipped with the reason, except in CI ({@code CI=true}),
 * which starts one and must not skip silently.
 * Connection: {@code TRENDCAST_TEST_PG_URL}, {@code TRENDCAST_TEST_PG_USER}, {@code TRENDCAST_TEST_PG_PASSWORD}.
 */
class PostgresCompatibilityTest {

    private static final String URL = env("TRENDCAST_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/trendcast_test");
    private static final String USER = env("TRENDCAST_TEST_PG_USER", "trendcast");
    private static final String PASSWORD = env("TRENDCAST_TEST_PG_PASSWORD", "trendcast-test");

    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void startOnPostgres() throws SQLException {
        String unreachable = null;
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            connection.createStatement().execute("drop schema public cascade; create schema public");
        } catch (SQLException e) {
            unreachable = "PostgreSQL not reachable at " + URL + " as " + USER + ": " + e.getMessage();
        }
        if (unreachable != null && "true".equals(System.getenv("CI"))) {
            fail(unreachable + " (CI must provide it: see .ci/run)");
        }
        assumeTrue(unreachable == null, unreachable);
        context = new SpringApplicationBuilder(TrendcastApplication.class).profiles("cli").run(
                "--spring.datasource.url=" + URL, "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void migrationsApplyAndUsersRoundTrip() {
        UserService users = context.getBean(UserService.class);
        users.create("test", "pg-manager", "a-long-enough-passphrase", Role.MANAGER, List.of("家居", "Garden"));

        UserSummary stored = users.find("PG-MANAGER").orElseThrow();

        assertThat(stored.role()).isEqualTo(Role.MANAGER);
        assertThat(stored.categories()).containsExactlyInAnyOrder("家居", "Garden");
        assertThat(users.scopeOf("pg-manager").categories()).contains("家居");
        Integer applied = context.getBean(JdbcTemplate.class)
                .queryForObject("select count(*) from flyway_schema_history where success", Integer.class);
        assertThat(applied).isGreaterThanOrEqualTo(2);
    }

    @Test
    void salesQueriesRunOnPostgres() {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        SalesFixtures fixtures = SalesFixtures.newDataset(jdbc, "pg fixture");
        long product = fixtures.product("SKU-1", "锅", "家居", "厨房");
        fixtures.sale(product, LocalDate.of(2024, 3, 5), 2, 30.5);
        fixtures.sale(product, LocalDate.of(2024, 2, 20), 1, 10);

        SalesOverview overview = context.getBean(SalesQueryService.class)
                .overview(new AccessScope("pg", false, Set.of("家居")), 7);

        assertThat(overview.latestDay()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(overview.revenue()).isCloseTo(30.5, within(1e-9));
        assertThat(overview.weeklyRevenue()).extracting(SalesOverview.CategoryWeek::weekStart)
                .contains(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 2, 19));

        // The rollups (written by the fixture as an import does) and the month/day split of the product list
        long mug = fixtures.product("SKU-2", "杯", "家居", "餐具");
        fixtures.sale(mug, LocalDate.of(2024, 1, 31), "华北", "门店", 3, 12, 1);
        AccessScope scope = new AccessScope("pg", false, Set.of("家居"));
        SalesAnalyticsService analytics = context.getBean(SalesAnalyticsService.class);
        SalesAnalytics result = analytics.analyse(scope,
                SalesFilter.all().withRange(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 3, 5)), 10);
        // 12 (Jan 31, promoted) + 10 (February, a whole month) + 30.5 (March 5)
        assertThat(result.current().revenue()).isCloseTo(52.5, within(1e-9));
        assertThat(result.promotionRevenue()).isCloseTo(12, within(1e-9));
        assertThat(result.topProducts()).extracting(SalesAnalytics.Slice::key).containsExactly("SKU-1", "SKU-2");
        assertThat(result.breakdown()).extracting(SalesAnalytics.Slice::key).containsExactly("家居");
        SalesAnalytics north = analytics.analyse(scope, new SalesFilter(LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 3, 31), List.of("家居"), "华北", "门店"), 10);
        assertThat(north.current().revenue()).isCloseTo(12, within(1e-9));
        assertThat(analytics.analyse(scope, SalesFilter.all().withRange(LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 3, 31)).withPath(List.of("家居")), 10).breakdown())
                .extracting(SalesAnalytics.Slice::key).containsExactly("厨房", "餐具");
        assertThat(analytics.filterOptions(scope).regions()).containsExactly("华北");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
