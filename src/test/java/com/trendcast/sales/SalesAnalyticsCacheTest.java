package com.trendcast.sales;

import com.trendcast.dataset.DatasetService;
import com.trendcast.security.AccessScope;
import com.trendcast.testsupport.SalesFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Cached analytics and overview answers equal fresh ones, follow every change of the data, and are never shared across scopes. */
@SpringBootTest
class SalesAnalyticsCacheTest {

    private static final LocalDate MARCH_4 = LocalDate.of(2024, 3, 4);
    private static final AccessScope ADMIN = new AccessScope("root", true, Set.of());

    @Autowired
    private SalesAnalyticsService analytics;
    @Autowired
    private SalesAnalyticsCache cache;
    @Autowired
    private SalesQueryService overviews;
    @Autowired
    private DatasetService datasets;
    @Autowired
    private JdbcTemplate jdbc;

    /** Categories of this test's own: other tests share the database. */
    private String kitchen;
    private String garden;
    private AccessScope kitchenManager;
    private AccessScope gardenManager;
    private SalesFixtures fixtures;

    @BeforeEach
    void storeSales() {
        String run = UUID.randomUUID().toString();
        kitchen = "Kitchen " + run;
        garden = "Garden " + run;
        kitchenManager = new AccessScope("kitchen-" + run, false, Set.of(kitchen));
        gardenManager = new AccessScope("garden-" + run, false, Set.of(garden));
        fixtures = SalesFixtures.newDataset(jdbc, "cache fixture " + run);
        long pan = fixtures.product("PAN-" + run, "Pan", kitchen, "Cookware");
        long hose = fixtures.product("HOSE-" + run, "Hose", garden, "Watering");
        fixtures.sale(pan, MARCH_4, 1, 100);
        fixtures.sale(hose, MARCH_4.plusDays(1), 2, 50);
    }

    @Test
    void aCachedAnswerEqualsTheFreshOne() {
        long hits = cache.hits();
        SalesAnalytics first = analytics.analyse(kitchenManager, SalesFilter.all(), 10);
        SalesAnalytics cached = analytics.analyse(kitchenManager, SalesFilter.all(), 10);
        cache.clear();
        SalesAnalytics fresh = analytics.analyse(kitchenManager, SalesFilter.all(), 10);

        assertThat(cache.hits()).isEqualTo(hits + 1);
        assertThat(cached).isSameAs(first);
        assertThat(cached).usingRecursiveComparison().isEqualTo(fresh);
        assertThat(cached.current().revenue()).isCloseTo(100, within(1e-9));
    }

    @Test
    void aCachedAnswerCannotBeChangedByOneOfItsReaders() {
        SalesAnalytics first = analytics.analyse(kitchenManager, SalesFilter.all(), 10);
        first.weekdayByMonthRevenue()[0][2] = -1;

        // Monday 2024-03-04 in March: 100
        assertThat(analytics.analyse(kitchenManager, SalesFilter.all(), 10).weekdayByMonthRevenue()[0][2])
                .isCloseTo(100, within(1e-9));
    }

    @Test
    void twoScopesNeverShareAnAnswer() {
        SalesAnalytics kitchenSales = analytics.analyse(kitchenManager, SalesFilter.all(), 10);
        SalesAnalytics gardenSales = analytics.analyse(gardenManager, SalesFilter.all(), 10);
        SalesAnalyticsService.FilterOptions none = analytics.filterOptions(new AccessScope("nobody", false, Set.of()));

        assertThat(kitchenSales.breakdown()).extracting(SalesAnalytics.Slice::key).containsExactly(kitchen);
        assertThat(gardenSales.breakdown()).extracting(SalesAnalytics.Slice::key).containsExactly(garden);
        assertThat(gardenSales.current().revenue()).isCloseTo(50, within(1e-9));
        // the same categories under another name may share; the answer is the same
        AccessScope otherKitchenManager = new AccessScope("another " + kitchenManager.username(), false, Set.of(kitchen));
        assertThat(analytics.analyse(otherKitchenManager, SalesFilter.all(), 10)).isSameAs(kitchenSales);
        assertThat(analytics.analyse(ADMIN, SalesFilter.all(), 10).breakdown()).extracting(SalesAnalytics.Slice::key)
                .contains(kitchen, garden);
        assertThat(none.regions()).isEmpty();
    }

    @Test
    void moreSalesInTheDatasetChangeTheAnswer() {
        assertThat(analytics.analyse(kitchenManager, SalesFilter.all(), 10).current().revenue()).isCloseTo(100, within(1e-9));

        long lid = fixtures.product("LID-" + UUID.randomUUID(), "Lid", kitchen, "Cookware");
        fixtures.sale(lid, MARCH_4, 1, 30);

        assertThat(analytics.analyse(kitchenManager, SalesFilter.all(), 10).current().revenue()).isCloseTo(130, within(1e-9));
    }

    @Test
    void anotherDatasetAndItsDeletionChangeTheAnswer() {
        assertThat(analytics.analyse(kitchenManager, SalesFilter.all(), 10).current().revenue()).isCloseTo(100, within(1e-9));

        SalesFixtures second = SalesFixtures.newDataset(jdbc, "second cache fixture " + UUID.randomUUID());
        long pot = second.product("POT-" + UUID.randomUUID(), "Pot", kitchen, "Cookware");
        second.sale(pot, MARCH_4, 1, 7);
        assertThat(analytics.analyse(kitchenManager, SalesFilter.all(), 10).current().revenue()).isCloseTo(107, within(1e-9));

        datasets.delete(ADMIN, second.datasetId());
        assertThat(analytics.analyse(kitchenManager, SalesFilter.all(), 10).current().revenue()).isCloseTo(100, within(1e-9));

        datasets.delete(ADMIN, fixtures.datasetId());
        assertThat(analytics.analyse(kitchenManager, SalesFilter.all(), 10).isEmpty()).isTrue();
        assertThat(analytics.analyse(kitchenManager, SalesFilter.all().withPath(List.of(kitchen)), 10).isEmpty()).isTrue();
    }

    @Test
    void theOverviewIsKeptPerScopeAndFollowsTheData() {
        long hits = cache.hits();
        SalesOverview kitchenOverview = overviews.overview(kitchenManager, 30);
        assertThat(overviews.overview(kitchenManager, 30)).isSameAs(kitchenOverview);
        assertThat(cache.hits()).isEqualTo(hits + 1);
        assertThat(overviews.overview(gardenManager, 30).revenue()).isCloseTo(50, within(1e-9));
        assertThat(kitchenOverview.revenue()).isCloseTo(100, within(1e-9));
        assertThatThrownBy(() -> kitchenOverview.movers().clear()).isInstanceOf(UnsupportedOperationException.class);

        long lid = fixtures.product("LID-" + UUID.randomUUID(), "Lid", kitchen, "Cookware");
        fixtures.sale(lid, MARCH_4, 1, 30);

        SalesOverview afterSale = overviews.overview(kitchenManager, 30);
        assertThat(afterSale.revenue()).isCloseTo(130, within(1e-9));
        assertThat(afterSale.movers()).extracting(SalesOverview.ProductMover::name).containsExactly("Pan", "Lid");
    }
}
