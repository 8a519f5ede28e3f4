package com.trendcast.training.ui;

import com.trendcast.pipeline.PipelineService;
import com.trendcast.testsupport.BrowserSpringTest;
import com.trendcast.training.TrainingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Chromium against the running application: an admin launches a tiny LSTM run from the form, watches its
 * page follow the run to the end through server push, and sees its metrics next to the baselines'.
 */
class TrainingBrowserIT extends BrowserSpringTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PipelineService pipelines;

    private String pipelineName;

    @BeforeEach
    void pipeline() {
        long pipelineId = TrainingFixtures.pipeline(pipelines, TrainingFixtures.salesDataset(jdbc), List.of());
        pipelineName = pipelines.get(TrainingFixtures.ADMIN, pipelineId).name();
    }

    @Test
    void adminLaunchesATinyRunWatchesItFinishAndSeesItsMetrics() {
        signInAsAdmin("/training");
        WebElement pipeline = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("vaadin-combo-box#training-pipeline input")));
        replace(pipeline, pipelineName);
        pipeline.sendKeys(Keys.ENTER);
        replace(field("layers"), "1");
        replace(field("units"), "4");
        replace(field("maxEpochs"), "2");
        replace(field("batchSize"), "64");
        replace(field("historyWindow"), "14");
        replace(field("patience"), "2");
        browser.driver().findElement(By.id("training-launch")).click();

        browser.waiting().until(ExpectedConditions.urlMatches("/training/run/\\d+$"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(180)).until(
                ExpectedConditions.textToBe(By.id("training-run-status"), "Succeeded"));

        assertThat(browser.driver().findElement(By.id("training-run-title")).getText()).contains(pipelineName);
        List<String> cells = browser.waiting().until(driver -> {
            List<String> texts = driver.findElements(By.cssSelector("#training-run-metrics vaadin-grid-cell-content"))
                    .stream().map(WebElement::getText).toList();
            return texts.contains("lstm (this run)") ? texts : null;
        });
        assertThat(cells).contains("WAPE", "naive", "seasonal-naive", "ets");
        assertThat(browser.driver().findElement(By.id("training-run-epoch")).getText()).startsWith("Epoch 2 / 2");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("apex-chart#training-run-losses svg")));
        assertThat(browser.driver().findElement(By.id("training-run-facts")).getText()).contains("SHA-256");
    }

    private WebElement field(String name) {
        return browser.driver().findElement(By.cssSelector("#training-hp-" + name + " input"));
    }

    private static void replace(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
        input.sendKeys(Keys.TAB);
    }
}
