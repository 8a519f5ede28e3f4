package com.trendcast.forecast.ui;

import com.trendcast.testsupport.BrowserSpringTest;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Chromium: upload a small CSV on the ad-hoc page, confirm the proposed mapping, wait for the pushed result,
 * download the XLSX and open it with POI.
 */
class AdhocForecastBrowserIT extends BrowserSpringTest {

    private static final double[] WEEK = {10, 20, 30, 40, 50, 60, 70};

    @TempDir
    private Path dir;

    @Override
    protected Path downloadFolder() throws IOException {
        return Files.createDirectories(dir.resolve("downloads"));
    }

    @Test
    void uploadConfirmWaitAndDownloadTheForecastAsXlsx() throws Exception {
        Path csv = dir.resolve("weekly-sales.csv");
        StringBuilder rows = new StringBuilder("date,sku,units\n");
        for (String sku : List.of("A-1", "B-2")) {
            for (int day = 0; day < 84; day++) {
                rows.append(LocalDate.of(2024, 1, 1).plusDays(day)).append(',').append(sku).append(',')
                        .append((int) WEEK[day % 7]).append('\n');
            }
        }
        Files.writeString(csv, rows, StandardCharsets.UTF_8);

        signInAsAdmin("/adhoc");
        WebElement upload = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("vaadin-upload#adhoc-upload")));
        WebElement input = (WebElement) ((JavascriptExecutor) browser.driver()).executeScript(
                "return arguments[0].querySelector('input[type=file]')"
                        + " || arguments[0].shadowRoot.querySelector('input[type=file]');", upload);
        input.sendKeys(csv.toAbsolutePath().toString());

        browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("adhoc-run"))));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("adhoc-forecast-grid")));
        assertThat(browser.driver().findElement(By.id("adhoc-summary")).getText()).contains("2 series");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("apex-chart#adhoc-chart svg")));

        browser.click(browser.driver().findElement(By.id("adhoc-download-xlsx")));
        Path xlsx = awaitDownload(downloadFolder());

        assertThat(xlsx.getFileName().toString()).isEqualTo("weekly-sales-forecast.xlsx");
        try (InputStream in = Files.newInputStream(xlsx); Workbook workbook = new XSSFWorkbook(in)) {
            Sheet forecast = workbook.getSheet("forecast");
            assertThat(forecast.getRow(0).getCell(0).getStringCellValue()).isEqualTo("sku");
            assertThat(forecast.getRow(0).getCell(3).getStringCellValue()).isEqualTo("lower");
            // the default horizon for daily data is 28 days, for each of the two SKUs
            assertThat(forecast.getLastRowNum()).isEqualTo(2 * 28);
            assertThat(forecast.getRow(1).getCell(0).getStringCellValue()).isEqualTo("A-1");
            assertThat(forecast.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2024, 3, 25));
            assertThat(forecast.getRow(29).getCell(0).getStringCellValue()).isEqualTo("B-2");
            assertThat(workbook.getSheet("backtest").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("chosen");
        }
    }

    private static Path awaitDownload(Path downloads) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done = files.filter(file -> file.toString().endsWith(".xlsx")).toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No XLSX was downloaded within a minute");
    }
}
