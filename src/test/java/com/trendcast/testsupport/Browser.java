package com.trendcast.testsupport;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Debian's headless Chromium driven through its chromedriver, never a downloaded browser. */
public final class Browser implements AutoCloseable {

    /** Generous: the first page of a dev-mode server may wait for the frontend bundle. */
    public static final Duration PAGE_TIMEOUT = Duration.ofSeconds(120);

    private final WebDriver driver;
    private final String baseUrl;

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    public static Browser start(int port) throws IOException {
        return start(port, null);
    }

    /** A browser that saves downloads into {@code downloads} without asking, or the default when null. */
    public static Browser start(int port, Path downloads) throws IOException {
        ChromeOptions options = new ChromeOptions();
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
        }
        options.setBinary(new File(System.getProperty("trendcast.chromium", "/usr/bin/chromium")));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("trendcast-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("trendcast.chromedriver", "/usr/bin/chromedriver")))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        if (downloads != null) {
            // Headless Chromium ignores the download preference unless the DevTools protocol allows it too.
            driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                    "downloadPath", downloads.toString()));
        }
        return new Browser(driver, "http://localhost:" + port);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, PAGE_TIMEOUT);
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Opens {@code path}, signs in on the login page it is sent to, and waits to be back. */
    public void signIn(String path, String username, String password) {
        open(path);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form input[name=username]")))
                .sendKeys(username);
        driver.findElement(By.cssSelector("vaadin-login-form input[name=password]")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot=submit]")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-app-layout")));
    }

    /** Clicks an element after scrolling it to the middle of the window, away from the page's edges and headers. */
    public void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
