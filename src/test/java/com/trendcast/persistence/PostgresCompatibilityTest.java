package com.trendcast.persistence;

import com.trendcast.TrendcastApplication;
import com.trendcast.behaviour.BehaviourFixtures;
import com.trendcast.behaviour.BehaviourService;
import com.trendcast.behaviour.EventFilter;
import com.trendcast.behaviour.EventInsights;
import com.trendcast.behaviour.SessionSegments;
import com.trendcast.dataset.DatasetImportService;
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
import com.trendcast.testsupport.SchemaFacts;
import com.trendcast.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
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
    void productRollupsKeepOnlyTheirDatasetKey() {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        assertThat(SchemaFacts.foreignKeyColumns(jdbc, "sales_rollup_product")).containsExactly("dataset_id");
        assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = 'ix_sales_rollup_product_product'",
                Long.class)).isZero();
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

        // A manager of two categories: product sums and movers read each category on its own and add them up
        long rice = fixtures.product("SKU-3", "米", "食品", "粮油");
        fixtures.sale(rice, LocalDate.of(2024, 3, 4), 1, 100);
        AccessScope both = new AccessScope("pg", false, Set.of("家居", "食品"));
        assertThat(analytics.analyse(both, SalesFilter.all().withRange(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 3, 5)),
                10).topProducts()).extracting(SalesAnalytics.Slice::key).containsExactly("SKU-3", "SKU-1", "SKU-2");
        assertThat(context.getBean(SalesQueryService.class).overview(both, 7).movers())
                .extracting(SalesOverview.ProductMover::sku).containsExactly("SKU-3", "SKU-1");
    }

    @Test
    void behaviourQueriesRunOnPostgres(@TempDir Path dir) throws Exception {
        DatasetImportService imports = context.getBean(DatasetImportService.class);
        BehaviourService behaviour = context.getBean(BehaviourService.class);
        long events = BehaviourFixtures.events(imports, dir, "PgToys", "PgGarden", null, true);
        long sessions = BehaviourFixtures.sessions(imports, dir, "pg sessions");

        EventInsights insights = behaviour.events(AccessScope.operator(), events, new EventFilter(null, null, null, 2));
        EventInsights toys = behaviour.events(new AccessScope("pg", false, Set.of("PgToys")), events, EventFilter.all());

        assertThat(insights.funnel()).extracting(EventInsights.FunnelStep::visitors).containsExactly(6L, 4L, 4L);
        assertThat(insights.weekdayHour().allEvents()[1][20]).isEqualTo(5);
        assertThat(insights.daily()).hasSize(2);
        assertThat(insights.topItems()).extracting(EventInsights.ItemConversion::item).containsExactly("A", "C");
        assertThat(toys.funnel()).extracting(EventInsights.FunnelStep::visitors).containsExactly(4L, 3L, 3L);
        assertThat(behaviour.segments(AccessScope.operator(), sessions, "VisitorType").segments())
                .extracting(SessionSegments.Segment::sessions).containsExactly(30L, 10L);
        assertThat(behaviour.segments(AccessScope.operator(), sessions, "PageValues").segments()).hasSize(5);
    }
}
