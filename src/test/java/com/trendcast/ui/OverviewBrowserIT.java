package com.trendcast.ui;

import com.trendcast.testsupport.BrowserSpringTest;
import com.trendcast.testsupport.SalesFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Chromium against the running application: the overview chart is drawn as SVG, sign-out works,
 * and clicking a category bar on the sales page drills down and changes the URL.
 */
class OverviewBrowserIT extends BrowserSpringTest {

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void salesOfThreeProducts() {
        jdbc.update("delete from dataset");
        SalesFixtures fixtures = SalesFixtures.newDataset(jdbc, "browser fixture");
        long pan = fixtures.product("PAN-1", "Frying pan", "Kitchen", "Cookware");
        long mug = fixtures.product("MUG-1", "Mug", "Kitchen", "Tableware");
        long hose = fixtures.product("HOSE-1", "Garden hose", "Garden", "Watering");
        LocalDate day = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 120; i++) {
            fixtures.sale(pan, day.plusDays(i), 3 + i % 7, 45 + 3 * (i % 7));
            fixtures.sale(mug, day.plusDays(i), 2, 12);
            fixtures.sale(hose, day.plusDays(i), 1 + i % 3, 20 + i % 5);
        }
    }

    @Test
    void adminSignsInSeesTheOverviewChartAndSignsOut() {
        signInAsAdmin("/");

        WebElement chart = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("apex-chart#overview-trend svg")));
        assertThat(chart.getTagName()).isEqualTo("svg");
        assertThat(browser.driver().findElement(By.id("overview-kpis")).getText()).contains("Revenue");

        browser.driver().findElement(By.id("user-menu")).click();
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form")));
        assertThat(browser.driver().getCurrentUrl()).contains("/login");
    }

    @Test
    void clickingACategoryBarShowsItsSubcategoriesAndChangesTheUrl() {
        signInAsAdmin("/sales");

        // bars are ordered by revenue: Kitchen first
        WebElement kitchenBar = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("apex-chart#sales-breakdown path.apexcharts-bar-area")));
        browser.click(kitchenBar);

        browser.waiting().until(ExpectedConditions.urlContains("cat=Kitchen"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("apex-chart#sales-breakdown"), "Cookware"));
        // textContent, not Selenium's visible-text heuristics, which skip slotted spans of Vaadin layouts
        browser.waiting().until(driver -> driver.findElement(By.id("sales-breadcrumb")).getDomProperty("textContent")
                .contains("Kitchen"));

        browser.driver().navigate().back();
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("cat=Kitchen")));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("apex-chart#sales-breakdown"), "Garden"));
    }
}
