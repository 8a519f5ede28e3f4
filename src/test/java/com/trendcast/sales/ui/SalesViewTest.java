package com.trendcast.sales.ui;

import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.testsupport.KaribuSpringTest;
import com.trendcast.testsupport.SalesFixtures;
import com.trendcast.testsupport.TestUsers;
import com.trendcast.ui.chart.ApexChart;
import com.trendcast.ui.chart.DataPointClickEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class SalesViewTest extends KaribuSpringTest {

    @Autowired
    private UserService users;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void storeSales() {
        jdbc.update("delete from dataset");
        SalesFixtures fixtures = SalesFixtures.newDataset(jdbc, "view fixture");
        long pan = fixtures.product("PAN", "Pan", "Kitchen", "Cookware");
        long mug = fixtures.product("MUG", "Mug", "Kitchen", "Tableware");
        long hose = fixtures.product("HOSE", "Hose", "Garden", "Watering");
        fixtures.sale(pan, LocalDate.of(2024, 3, 4), 1, 100);
        fixtures.sale(mug, LocalDate.of(2024, 3, 5), 4, 20);
        fixtures.sale(hose, LocalDate.of(2024, 3, 11), 2, 500);
    }

    @Test
    void clickingACategoryBarDrillsDownAndPutsThePathInTheUrl() {
        openAs(TestUsers.create(users, Role.ADMIN));
        UI.getCurrent().navigate("sales");
        assertThat(breadcrumb()).isEqualTo("All categories");

        // bars are ordered by revenue: Garden (500), Kitchen (120)
        clickBar(1);

        assertThat(currentUrl()).contains("cat=Kitchen");
        assertThat(breadcrumb()).contains("Kitchen");
        assertThat(chartJson("sales-breakdown")).contains("Cookware").contains("Tableware").doesNotContain("Garden");

        clickBar(0);
        assertThat(currentUrl()).contains("cat=Kitchen&cat=Cookware");
    }

    @Test
    void urlStateIsRestoredWhenOpeningALink() {
        openAs(TestUsers.create(users, Role.ADMIN));

        UI.getCurrent().navigate("sales", QueryParameters.fromString("cat=Kitchen&grain=month&from=2024-03-01&to=2024-03-31"));

        assertThat(breadcrumb()).contains("Kitchen");
        assertThat(chartJson("sales-trend")).contains("per month");
        assertThat(chartJson("sales-breakdown")).contains("Tableware");
    }

    @Test
    void managerCannotDrillIntoAnotherCategoryThroughTheUrl() {
        openAs(TestUsers.create(users, Role.MANAGER, "Garden"));

        UI.getCurrent().navigate("sales", QueryParameters.of("cat", "Kitchen"));

        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("sales-empty"))).isNotNull();
    }

    private static void clickBar(int index) {
        ApexChart chart = _get(ApexChart.class, spec -> spec.withId("sales-breakdown"));
        ComponentUtil.fireEvent(chart, new DataPointClickEvent(chart, true, 0, index));
    }

    private static String chartJson(String id) {
        return _get(ApexChart.class, spec -> spec.withId(id)).getElement().getProperty("optionsJson");
    }

    private static String breadcrumb() {
        return _get(HorizontalLayout.class, spec -> spec.withId("sales-breadcrumb")).getElement().getTextRecursively();
    }

    private static String currentUrl() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }
}
