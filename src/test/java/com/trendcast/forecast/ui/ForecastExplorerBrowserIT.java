package com.trendcast.forecast.ui;

import com.trendcast.forecast.ExplorerFixtures;
import com.trendcast.pipeline.PipelineService;
import com.trendcast.testsupport.Browser;
import com.trendcast.training.TrainingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Chromium against the running application: the forecast explorer of a promoted run draws the prediction
 * interval as a filled range-area band in the ApexCharts SVG, next to the history and forecast lines.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForecastExplorerBrowserIT {

    private static final String ADMIN_PASSWORD = "test-root-passphrase-42";

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PipelineService pipelines;
    @Autowired
    private TrainingService training;

    private Browser browser;
    private long pipeline;

    @BeforeEach
    void promotedRunAndBrowser() throws Exception {
        pipeline = ExplorerFixtures.promotedPipeline(pipelines, training, ExplorerFixtures.salesDataset(jdbc),
                List.of());
        browser = Browser.start(port);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theForecastExplorerShowsTheIntervalBand() {
        browser.signIn("/forecasts?pipeline=" + pipeline + "&path=Kitchen", "admin", ADMIN_PASSWORD);

        WebElement band = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "apex-chart#forecast-chart svg g.apexcharts-rangeArea-series path.apexcharts-rangeArea")));

        assertThat(band.getDomAttribute("d")).as("band outline").isNotBlank().contains("L");
        assertThat(band.getDomAttribute("fill")).as("band fill").isNotBlank().isNotEqualTo("none");
        List<WebElement> lines = browser.driver().findElements(By.cssSelector(
                "apex-chart#forecast-chart svg g.apexcharts-line-series path.apexcharts-line"));
        assertThat(lines).as("history and forecast lines").hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.driver().findElement(By.cssSelector("apex-chart#forecast-chart")).getText())
                .contains("80% prediction interval").contains("History and forecast: Kitchen");
    }
}
