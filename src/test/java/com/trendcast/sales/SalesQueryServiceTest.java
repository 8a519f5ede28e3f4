package com.trendcast.sales;

import com.trendcast.security.AccessScope;
import com.trendcast.testsupport.SalesFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@SpringBootTest
class SalesQueryServiceTest {

    private static final LocalDate LATEST = LocalDate.of(2031, 3, 31);

    @Autowired
    private SalesQueryService sales;
    @Autowired
    private JdbcTemplate jdbc;

    private final String kitchen = "Kitchen-" + System.nanoTime();
    private final String garden = "Garden-" + System.nanoTime();

    @BeforeEach
    void storeSales() {
        jdbc.update("delete from dataset");
        SalesFixtures fixtures = SalesFixtures.newDataset(jdbc, "fixture");
        long pan = fixtures.product("PAN-1", "Frying pan", kitchen, "Cookware");
        long hose = fixtures.product("HOSE-1", "Garden hose", garden, "Watering");
        // current 7-day window is Mar 25..31, previous is Mar 18..24
        fixtures.sale(pan, LATEST, 2, 40);
        fixtures.sale(pan, LATEST.minusDays(6), 1, 20);
        fixtures.sale(pan, LATEST.minusDays(7), 3, 60);
        fixtures.sale(pan, LATEST.minusDays(30), 100, 2000);
        fixtures.sale(hose, LATEST.minusDays(1), 5, 150);
    }

    @Test
    void adminSeesEveryCategoryWithHandCheckedTotals() {
        SalesOverview overview = sales.overview(new AccessScope("root", true, Set.of()), 7);

        assertThat(overview.latestDay()).isEqualTo(LATEST);
        // current: 40 + 20 + 150 = 210 revenue, 2 + 1 + 5 = 8 units; previous: 60 revenue, 3 units
        assertThat(overview.revenue()).isCloseTo(210, within(1e-9));
        assertThat(overview.previousRevenue()).isCloseTo(60, within(1e-9));
        assertThat(overview.units()).isCloseTo(8, within(1e-9));
        assertThat(overview.previousUnits()).isCloseTo(3, within(1e-9));
        assertThat(overview.activeProducts()).isEqualTo(2);
        assertThat(overview.topCategories()).extracting(SalesOverview.CategoryTotal::category)
                .containsExactly(garden, kitchen);
        // the pan moved from 60 to 60 (0), the hose from 0 to 150: the hose leads
        assertThat(overview.movers().get(0).sku()).isEqualTo("HOSE-1");
        assertThat(SalesOverview.change(210, 60)).isCloseTo(2.5, within(1e-12));
    }

    @Test
    void managerSeesOnlyOwnCategories() {
        SalesOverview overview = sales.overview(new AccessScope("kim", false, Set.of(kitchen)), 7);

        assertThat(overview.revenue()).isCloseTo(60, within(1e-9));
        assertThat(overview.topCategories()).extracting(SalesOverview.CategoryTotal::category).containsExactly(kitchen);
        assertThat(overview.movers()).extracting(SalesOverview.ProductMover::sku).containsExactly("PAN-1");
        assertThat(overview.weeklyRevenue()).allMatch(week -> week.category().equals(kitchen));
    }

    @Test
    void aManagerOfSeveralCategoriesSeesBothOfThem() {
        SalesOverview overview = sales.overview(new AccessScope("both", false, Set.of(kitchen, garden)), 7);

        assertThat(overview.revenue()).isCloseTo(210, within(1e-9));
        assertThat(overview.activeProducts()).isEqualTo(2);
        // the hose moved by 150, the pan by 0
        assertThat(overview.movers()).extracting(SalesOverview.ProductMover::sku).containsExactly("HOSE-1", "PAN-1");
    }

    @Test
    void managerWithoutCategoriesSeesNothing() {
        SalesOverview overview = sales.overview(new AccessScope("nobody", false, Set.of()), 7);

        assertThat(overview.isEmpty()).isTrue();
    }

    @Test
    void weeksStartOnMonday() {
        SalesOverview overview = sales.overview(new AccessScope("root", true, Set.of()), 7);

        // 2031-03-31 is a Monday; 2031-03-25 (Tuesday) belongs to the week of Monday 2031-03-24
        assertThat(overview.weeklyRevenue())
                .filteredOn(week -> week.category().equals(kitchen))
                .extracting(SalesOverview.CategoryWeek::weekStart)
                .contains(LocalDate.of(2031, 3, 31), LocalDate.of(2031, 3, 24));
    }
}
