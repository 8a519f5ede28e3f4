package com.trendcast.behaviour.ui;

import com.trendcast.behaviour.BehaviourFixtures;
import com.trendcast.dataset.DatasetImportService;
import com.trendcast.testsupport.BrowserSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Chromium against the running application: the event charts are drawn as SVG, and on a session dataset
 * training runs in the background and dragging the native range slider changes the confusion matrix.
 * Screenshots go to {@code target/screenshots}.
 */
class BehaviourBrowserIT extends BrowserSpringTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DatasetImportService imports;
    @TempDir
    private Path dir;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void noBehaviourDatasets() {
        jdbc.update("delete from dataset where kind in ('EVENTS', 'SESSIONS')");
    }

    @Test
    void eventChartsAreDrawn() throws Exception {
        long events = BehaviourFixtures.events(imports, dir, "Toys-" + suffix, "Garden-" + suffix, null, true);

        signInAsAdmin("/behaviour?dataset=" + events + "&minViewers=1");

        for (String chart : new String[]{"behaviour-funnel", "behaviour-trend", "behaviour-heatmap", "behaviour-top-items"}) {
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("apex-chart#" + chart + " svg")));
        }
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("apex-chart#behaviour-funnel"), "66.7%"));
        screenshot("behaviour-events.png");
    }

    @Test
    void trainingRunsInTheBackgroundAndTheSliderMovesTheConfusionMatrix() throws Exception {
        long sessions = BehaviourFixtures.separableSessions(imports, dir, "browser " + suffix);

        signInAsAdmin("/behaviour?dataset=" + sessions);
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("behaviour-train"))).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("behaviour-train-progress")));
        WebElement truePositives = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cm-tp")));
        browser.waiting().until(driver -> !truePositives.getDomProperty("textContent").isBlank());
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("apex-chart#behaviour-roc svg")));
        String falsePositivesAtHalf = text("cm-fp");

        WebElement slider = browser.driver().findElement(By.id("behaviour-threshold"));
        browser.click(slider);
        for (int i = 0; i < 45; i++) {
            slider.sendKeys(org.openqa.selenium.Keys.ARROW_LEFT);
        }

        browser.waiting().until(driver -> text("behaviour-threshold-value").equals("0.05"));
        browser.waiting().until(driver -> !text("cm-fp").equals(falsePositivesAtHalf));
        assertThat(Long.parseLong(text("cm-fp"))).isGreaterThan(Long.parseLong(falsePositivesAtHalf));
        screenshot("behaviour-propensity.png");
    }

    private String text(String id) {
        return browser.driver().findElement(By.id(id)).getDomProperty("textContent").strip();
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target/screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
    }
}
