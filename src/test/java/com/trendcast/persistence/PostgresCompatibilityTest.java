package com.trendcast.persistence;

import com.trendcast.TrendcastApplication;
import com.trendcast.sales.SalesOverview;
import com.trendcast.sales.SalesQueryService;
import com.trendcast.security.AccessScope;
import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.security.UserSummary;
import com.trendcast.testsupport.SalesFixtures;
import com.trendcast.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Runs the Flyway migrations and a round-trip through the services on a real PostgreSQL ({@link TestPostgres}).
 */
class PostgresCompatibilityTest {

    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void startOnPostgres() {
        TestPostgres.requireEmptySchema();
        context = new SpringApplicationBuilder(TrendcastApplication.class).profiles("cli")
                .run(TestPostgres.springArguments());
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
    }
}
