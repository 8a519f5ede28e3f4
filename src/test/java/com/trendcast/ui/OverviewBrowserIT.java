package com.trendcast.ui;

import com.trendcast.testsupport.SalesFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs in as admin in a real Chromium, sees the overview chart drawn as SVG, and signs out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OverviewBrowserIT {

    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(120);

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        SalesFixtures fixtures = SalesFixtures.newDataset(jdbc, "browser fixture");
        long pan = fixtures.product("PAN-1", "Frying pan", "Kitchen", "Cookware");
        long hose = fixtures.product("HOSE-1", "Garden hose", "Garden", "Watering");
        LocalDate day = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 120; i++) {
            fixtures.sale(pan, day.plusDays(i), 3 + i % 7, 45 + 3 * (i % 7));
            fixtures.sale(hose, day.plusDays(i), 1 + i % 3, 20 + i % 5);
        }
        browser = chromium();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void adminSignsInSeesTheOverviewChartAndSignsOut() {
        WebDriverWait wait = new WebDriverWait(browser, PAGE_TIMEOUT);
        browser.get("http://localhost:" + port + "/");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form input[name=username]")))
                .sendKeys("admin");
        browser.findElement(By.cssSelector("vaadin-login-form input[name=password]")).sendKeys("test-root-passphrase-42");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot=submit]")).click();

        WebElement chart = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("apex-chart#overview-trend svg")));
        assertThat(chart.getTagName()).isEqualTo("svg");
        assertThat(browser.findElement(By.id("overview-kpis")).getText()).contains("Revenue");

        browser.findElement(By.id("user-menu")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form")));
        assertThat(browser.getCurrentUrl()).contains("/login");
    }

    private static WebDriver chromium() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(System.getProperty("trendcast.chromium", "/usr/bin/chromium")));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,900",
                "--user-data-dir=" + Files.createTempDirectory("trendcast-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("trendcast.chromedriver", "/usr/bin/chromedriver")))
                .build();
        return new ChromeDriver(service, options);
    }
}
