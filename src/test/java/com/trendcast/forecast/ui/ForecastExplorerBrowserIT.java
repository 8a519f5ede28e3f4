package com.trendcast.forecast.ui;

import com.trendcast.forecast.ExplorerFixtures;
import com.trendcast.pipeline.PipelineService;
import com.trendcast.testsupport.BrowserSpringTest;
import com.trendcast.training.TrainingService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Chromium against the running application: the forecast explorer of a promoted run draws the prediction
 * interval as a filled range-area band in the ApexCharts SVG, next to the history and forecast lines.
 */
class ForecastExplorerBrowserIT extends BrowserSpringTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PipelineService pipelines;
    @Autowired
    private TrainingService training;

    private long pipeline;

    @BeforeEach
    void promotedRun() {
        pipeline = ExplorerFixtures.promotedPipeline(pipelines, training, ExplorerFixtures.salesDataset(jdbc),
                List.of());
    }

    @Test
    void theForecastExplorerShowsTheIntervalBand() {
        signInAsAdmin("/forecasts?pipeline=" + pipeline + "&path=Kitchen");

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
