package com.trendcast.sales;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@SpringBootTest
class SalesAnalyticsServiceTest {

    private static final AccessScope ADMIN = new AccessScope("root", true, Set.of());

    @Autowired
    private SalesAnalyticsService analytics;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void storeSales() {
        jdbc.update("delete from dataset");
        SalesFixtures fixtures = SalesFixtures.newDataset(jdbc, "analytics fixture");
        long pan = fixtures.product("PAN", "Pan", "Kitchen", "Cookware");
        long mug = fixtures.product("MUG", "Mug", "Kitchen", "Tableware");
        long hose = fixtures.product("HOSE", "Hose", "Garden", "Watering");
        // 2024-03-04 is a Monday
        fixtures.sale(pan, LocalDate.of(2024, 3, 4), 1, 100);
        fixtures.sale(mug, LocalDate.of(2024, 3, 5), 4, 20);
        fixtures.sale(hose, LocalDate.of(2024, 3, 11), 2, 50);
        fixtures.sale(pan, LocalDate.of(2023, 3, 6), 1, 80);
    }

    @Test
    void totalsAgainstThePreviousPeriodOfEqualLength() {
        SalesAnalytics result = analytics.analyse(ADMIN,
                SalesFilter.all().withRange(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 17)), 10);

        // current 2024-03-04..17: 100 + 20 + 50 = 170 revenue, 7 units, 3 orders; previous 14 days: nothing
        assertThat(result.current().revenue()).isCloseTo(170, within(1e-9));
        assertThat(result.current().units()).isCloseTo(7, within(1e-9));
        assertThat(result.current().orders()).isEqualTo(3);
        assertThat(result.previous().revenue()).isZero();
        // weeks starting Mon 03-04 (100 + 20) and Mon 03-11 (50)
        assertThat(result.periods(Grain.WEEK)).extracting(SalesAnalytics.Period::revenue).containsExactly(120.0, 50.0);
        assertThat(result.periods(Grain.MONTH)).extracting(SalesAnalytics.Period::revenue).containsExactly(170.0);
        // Monday (index 0) in March (index 2): 100 + 50; Tuesday: 20
        assertThat(result.weekdayByMonthRevenue()[0][2]).isCloseTo(150, within(1e-9));
        assertThat(result.weekdayByMonthRevenue()[1][2]).isCloseTo(20, within(1e-9));
        // March 2024 = 170 against March 2023 = 80
        SalesAnalytics.MonthOverYear march = result.yearOverYear().get(0);
        assertThat(march.month()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(march.previousYearRevenue()).isCloseTo(80, within(1e-9));
        assertThat(march.growth()).isCloseTo(90.0 / 80, within(1e-12));
    }

    @Test
    void aPreviousPeriodTheDataOnlyPartlyCoversIsNotCompared() {
        SalesAnalytics result = analytics.analyse(ADMIN,
                SalesFilter.all().withRange(LocalDate.of(2023, 3, 6), LocalDate.of(2024, 3, 17)), 10);

        assertThat(result.current().revenue()).isCloseTo(250, within(1e-9));
        assertThat(result.previous()).isNull();
    }

    @Test
    void breakdownDrillsFromCategoriesToSubcategoriesToProducts() {
        SalesFilter range = SalesFilter.all().withRange(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));

        SalesAnalytics top = analytics.analyse(ADMIN, range, 10);
        assertThat(top.breakdownIsProducts()).isFalse();
        assertThat(top.breakdown()).extracting(SalesAnalytics.Slice::key).containsExactly("Kitchen", "Garden");

        SalesAnalytics kitchen = analytics.analyse(ADMIN, range.withPath(List.of("Kitchen")), 10);
        assertThat(kitchen.breakdown()).extracting(SalesAnalytics.Slice::key).containsExactly("Cookware", "Tableware");
        assertThat(kitchen.current().revenue()).isCloseTo(120, within(1e-9));

        // the fixture has no third level: below Tableware the breakdown lists products
        SalesAnalytics tableware = analytics.analyse(ADMIN, range.withPath(List.of("Kitchen", "Tableware")), 10);
        assertThat(tableware.breakdownIsProducts()).isTrue();
        assertThat(tableware.breakdown()).extracting(SalesAnalytics.Slice::key).containsExactly("MUG");
    }

    @Test
    void managersSeeOnlyTheirCategoriesEvenWhenTheyAskForOthers() {
        AccessScope gardener = new AccessScope("gardener", false, Set.of("Garden"));

        SalesAnalytics own = analytics.analyse(gardener, SalesFilter.all(), 10);
        assertThat(own.breakdown()).extracting(SalesAnalytics.Slice::key).containsExactly("Garden");
        assertThat(own.topProducts()).extracting(SalesAnalytics.Slice::key).containsExactly("HOSE");

        SalesAnalytics other = analytics.analyse(gardener, SalesFilter.all().withPath(List.of("Kitchen")), 10);
        assertThat(other.isEmpty()).isTrue();
    }

    @Test
    void aManagerOfSeveralCategoriesDrillsIntoEachOfThemButNoOther() {
        SalesFilter march = SalesFilter.all().withRange(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
        AccessScope both = new AccessScope("both", false, Set.of("Garden", "Kitchen"));

        SalesAnalytics all = analytics.analyse(both, march, 10);
        assertThat(all.current().revenue()).isCloseTo(170, within(1e-9));
        assertThat(all.topProducts()).extracting(SalesAnalytics.Slice::key).containsExactly("PAN", "HOSE", "MUG");
        SalesAnalytics kitchen = analytics.analyse(both, march.withPath(List.of("Kitchen")), 10);
        assertThat(kitchen.current().revenue()).isCloseTo(120, within(1e-9));
        assertThat(kitchen.topProducts()).extracting(SalesAnalytics.Slice::key).containsExactly("PAN", "MUG");

        AccessScope cook = new AccessScope("cook", false, Set.of("Kitchen"));
        assertThat(analytics.analyse(cook, march.withPath(List.of("Kitchen", "Tableware")), 10).topProducts())
                .extracting(SalesAnalytics.Slice::key).containsExactly("MUG");
        assertThat(analytics.analyse(cook, march.withPath(List.of("Garden", "Watering")), 10).isEmpty()).isTrue();
    }
}
