package com.trendcast.forecast;

import com.trendcast.common.export.TableExport;
import com.trendcast.audit.AuditService;
import com.trendcast.common.UserFacingException;
import com.trendcast.dataset.DatasetImportService;
import com.trendcast.dataset.ImportProperties;
import com.trendcast.forecast.engine.Forecast;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.security.AccessScope;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@SpringBootTest
class AdhocForecastServiceTest {

    private static final AccessScope SCOPE = new AccessScope("adhoc-tester", false, Set.of("Kitchen"));
    private static final double[] WEEK = {10, 20, 30, 40, 50, 60, 70};

    @Autowired
    private AuditService audit;
    @Autowired
    private DatasetImportService imports;
    @TempDir
    private Path dir;

    private AdhocForecastService service() {
        return new AdhocForecastService(new ImportProperties(DataSize.ofMegabytes(1), 0.05), audit, imports, dir);
    }

    /** {@code days} rows per SKU from 2024-01-01 (a Monday) with {@code value.apply(sku, day)}. */
    private Path salesFile(String name, List<String> skus, int days, ValueOf value) throws Exception {
        StringBuilder csv = new StringBuilder("Date,SKU,Units\n");
        for (String sku : skus) {
            for (int day = 0; day < days; day++) {
                csv.append(LocalDate.of(2024, 1, 1).plusDays(day)).append(',').append(sku).append(',')
                        .append(value.at(sku, day)).append('\n');
            }
        }
        Path file = dir.resolve("incoming-" + name);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private interface ValueOf {
        String at(String sku, int day);
    }

    private List<Path> leftovers() throws Exception {
        Path adhoc = dir.resolve("adhoc");
        if (!Files.isDirectory(adhoc)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(adhoc)) {
            return files.toList();
        }
    }

    private Path uploaded(Path source, AdhocForecastService service) throws Exception {
        Path upload = service.newUploadFile();
        Files.copy(source, upload);
        return upload;
    }

    @Test
    void proposesDateTargetSeriesAndDailyHorizonFromTheFile() throws Exception {
        AdhocForecastService service = service();
        Path file = uploaded(salesFile("weekly.csv", List.of("A"), 70, (sku, day) -> "1"), service);

        try (AdhocUpload upload = service.receive(SCOPE, file, "weekly.csv")) {
            AdhocMapping proposal = upload.proposal();
            assertThat(upload.header()).containsExactly("Date", "SKU", "Units");
            assertThat(proposal.dateColumn()).isEqualTo("Date");
            assertThat(proposal.targetColumn()).isEqualTo("Units");
            assertThat(proposal.seriesColumns()).containsExactly("SKU");
            assertThat(proposal.frequency()).isEqualTo(Frequency.DAY);
            assertThat(proposal.horizon()).isEqualTo(28);
            assertThat(proposal.model()).isEqualTo(ModelCatalog.AUTO);
        }
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void perfectlyWeeklySeriesIsContinuedWeekForWeekWithAZeroWidthInterval() throws Exception {
        AdhocForecastService service = service();
        // 10 weeks, Monday 10 ... Sunday 70; the file ends on Sunday 2024-03-10.
        Path file = uploaded(salesFile("weekly.csv", List.of("A"), 70,
                (sku, day) -> String.valueOf((int) WEEK[day % 7])), service);
        AdhocMapping mapping = new AdhocMapping("Date", "Units", List.of("SKU"), List.of(), null, 10, 0.8,
                "seasonal-naive");

        AdhocResult result;
        try (AdhocUpload upload = service.receive(SCOPE, file, "weekly.csv")) {
            result = service.forecast(SCOPE, upload, mapping, stage -> { });
        }

        assertThat(result.model()).isEqualTo("seasonal-naive");
        assertThat(result.frequency()).isEqualTo(Frequency.DAY);
        Forecast forecast = result.series().get(0).forecast();
        assertThat(forecast.dates().get(0)).isEqualTo(LocalDate.of(2024, 3, 11));
        assertThat(forecast.dates().get(9)).isEqualTo(LocalDate.of(2024, 3, 20));
        assertThat(forecast.point()).containsExactly(10, 20, 30, 40, 50, 60, 70, 10, 20, 30);
        assertThat(forecast.lower()).containsExactly(forecast.point());
        assertThat(forecast.upper()).containsExactly(forecast.point());
        AdhocResult.ModelAccuracy chosen = result.chosenAccuracy();
        assertThat(chosen.model()).isEqualTo("seasonal-naive");
        assertThat(chosen.metrics().wape()).isZero();
        assertThat(result.accuracy()).extracting(AdhocResult.ModelAccuracy::model)
                .containsAll(ModelCatalog.BASELINES);
        assertThat(result.accuracy().stream().filter(AdhocResult.ModelAccuracy::baseline).count()).isEqualTo(5);
        // Two 10-day folds. From day 60 (actuals 50,60,70,10,...,70, sum 460) naive repeats day 59's 40: errors
        // 10+20+30+30+20+10+0+10+20+30 = 180. From day 50 (actuals 20,...,70,10,...,40, sum 370) it repeats day 49's
        // 10: errors 10+20+30+40+50+60+0+10+20+30 = 270. WAPE = 450 / 830.
        assertThat(result.accuracy().stream().filter(row -> row.model().equals("naive")).findFirst().orElseThrow()
                .metrics().wape()).isCloseTo(450.0 / 830.0, within(1e-9));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void automaticChoiceForecastsConstantSeriesAsTheirConstant() throws Exception {
        AdhocForecastService service = service();
        Path file = uploaded(salesFile("constant.csv", List.of("A", "B"), 60,
                (sku, day) -> sku.equals("A") ? "5" : "12"), service);
        AdhocMapping mapping = new AdhocMapping("Date", "Units", List.of("SKU"), List.of(), Frequency.DAY, 7, 0.8,
                ModelCatalog.AUTO);

        AdhocResult result = service.forecast(SCOPE, file, "constant.csv", mapping);

        assertThat(result.chosenAccuracy().metrics().wape()).isZero();
        assertThat(result.series()).hasSize(2);
        for (AdhocResult.SeriesForecast one : result.series()) {
            double expected = one.history().key().equals(List.of("A")) ? 5 : 12;
            for (int step = 0; step < 7; step++) {
                assertThat(one.forecast().point()[step]).isCloseTo(expected, within(1e-9));
                assertThat(one.forecast().lower()[step]).isCloseTo(expected, within(1e-9));
                assertThat(one.forecast().upper()[step]).isCloseTo(expected, within(1e-9));
            }
        }
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void exportsOpenWithPoiAndHoldOneNeutralisedRowPerSeriesAndPeriod() throws Exception {
        AdhocForecastService service = service();
        Path file = uploaded(salesFile("inject.csv", List.of("=1+2", "plain"), 42,
                (sku, day) -> String.valueOf((int) WEEK[day % 7])), service);
        AdhocMapping mapping = new AdhocMapping("Date", "Units", List.of("SKU"), List.of(), Frequency.DAY, 7, 0.9,
                "seasonal-naive");
        AdhocResult result = service.forecast(SCOPE, file, "inject.csv", mapping);

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        TableExport.writeXlsx(service.workbookSheets(result), xlsx);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            Sheet forecasts = workbook.getSheet("forecast");
            assertThat(forecasts.getLastRowNum()).isEqualTo(2 * 7);
            List<String> header = new ArrayList<>();
            forecasts.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).containsExactly("SKU", "date", "forecast", "lower", "upper");
            Cell injected = forecasts.getRow(1).getCell(0);
            assertThat(injected.getCellType()).isEqualTo(CellType.STRING);
            assertThat(injected.getStringCellValue()).isEqualTo("'=1+2");
            // 42 days from Monday 2024-01-01 end on Sunday 2024-02-11; the forecast starts on Monday with 10.
            assertThat(forecasts.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2024, 2, 12));
            assertThat(forecasts.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(10.0);
            assertThat(forecasts.getRow(14).getCell(0).getStringCellValue()).isEqualTo("plain");
            assertThat(forecasts.getRow(14).getCell(2).getNumericCellValue()).isEqualTo(70.0);
            Sheet backtest = workbook.getSheet("backtest");
            assertThat(backtest.getRow(1).getCell(0).getStringCellValue()).isEqualTo("seasonal-naive");
            assertThat(backtest.getRow(1).getCell(1).getStringCellValue()).isEqualTo("chosen");
        }

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        service.writeCsv(result, csv);
        List<String> lines = List.of(csv.toString(StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).hasSize(1 + 2 * 7);
        assertThat(lines.get(0)).isEqualTo("\uFEFFSKU,date,forecast,lower,upper");
        assertThat(lines.get(1)).isEqualTo("'=1+2,2024-02-12,10,10,10");
        assertThat(AdhocForecastService.downloadName(result, "xlsx")).isEqualTo("inject-forecast.xlsx");
    }

    @Test
    void eachBadInputGetsItsOwnMessageAndLeavesNoFileBehind() throws Exception {
        AdhocForecastService service = service();
        Path good = salesFile("good.csv", List.of("A"), 70, (sku, day) -> "3");
        AdhocMapping mapping = new AdhocMapping("Date", "Units", List.of("SKU"), List.of(), null, 7, 0.8,
                ModelCatalog.AUTO);

        assertRefused(service, good, new AdhocMapping("Date", "Sales", List.of("SKU"), List.of(), null, 7, 0.8,
                ModelCatalog.AUTO), "adhoc.column.unknown", "\"Sales\"", "good.csv");
        assertRefused(service, good, new AdhocMapping("Date", "Units", List.of("Units"), List.of(), null, 7, 0.8,
                ModelCatalog.AUTO), "adhoc.column.twice", "\"Units\"");
        assertRefused(service, good, new AdhocMapping("Date", null, List.of(), List.of(), null, 7, 0.8,
                ModelCatalog.AUTO), "adhoc.mapping.noTarget", "numeric column to forecast");
        assertRefused(service, good, new AdhocMapping("Date", "Units", List.of(), List.of(), null, 0, 0.8,
                ModelCatalog.AUTO), "adhoc.horizon.invalid", "not 0");
        assertRefused(service, good, new AdhocMapping("Date", "Units", List.of(), List.of(), null, 7, 0.8,
                "prophet"), "forecast.model.unknown", "prophet");
        // 70 days cannot back a 40-day horizon: the backtest needs twice the horizon, 80 days.
        assertRefused(service, good, new AdhocMapping("Date", "Units", List.of("SKU"), List.of(), null, 40, 0.8,
                ModelCatalog.AUTO), "adhoc.history.tooShort", "70 periods", "80");

        Path textTarget = salesFile("text.csv", List.of("A"), 70, (sku, day) -> day == 5 ? "lots" : "3");
        assertRefused(service, textTarget, mapping, "forecast.target.notNumeric", "\"Units\"", "row 7", "lots");

        Path empty = dir.resolve("incoming-empty.csv");
        Files.writeString(empty, "");
        assertRefused(service, empty, mapping, "adhoc.file.unreadable", "empty.csv");

        Path large = dir.resolve("incoming-large.csv");
        Files.writeString(large, "Date,SKU,Units\n" + "2024-01-01,A,1\n".repeat(80_000));
        assertRefused(service, large, mapping, "import.file.tooLarge", "1 MB");

        assertThat(leftovers()).isEmpty();
    }

    private void assertRefused(AdhocForecastService service, Path source, AdhocMapping mapping, String key,
                               String... shown) throws Exception {
        Path upload = uploaded(source, service);
        String name = source.getFileName().toString().replace("incoming-", "");
        assertThatThrownBy(() -> service.forecast(SCOPE, upload, name, mapping))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(key);
                    assertThat(e.localizedMessage(Locale.ENGLISH)).contains(shown)
                            .doesNotContain(upload.toString());
                });
        assertThat(upload).doesNotExist();
    }

    @Test
    void autoLeavesTheLstmOutAndTheBoostedTreesOutOfLargePanels() {
        Panel small = panel(100, 1000);
        Panel large = panel(100, 1001);

        assertThat(AdhocForecastService.candidates(small, ModelCatalog.AUTO)).containsAll(ModelCatalog.BASELINES)
                .contains(ModelCatalog.GLOBAL_LINEAR, ModelCatalog.GLOBAL_XGBOOST).doesNotContain(ModelCatalog.LSTM);
        assertThat(AdhocForecastService.candidates(large, ModelCatalog.AUTO)).containsAll(ModelCatalog.BASELINES)
                .contains(ModelCatalog.GLOBAL_LINEAR).doesNotContain(ModelCatalog.GLOBAL_XGBOOST, ModelCatalog.LSTM);
        assertThat(AdhocForecastService.candidates(large, ModelCatalog.LSTM))
                .containsExactlyElementsOf(withLstm());
    }

    private static List<String> withLstm() {
        List<String> names = new ArrayList<>(ModelCatalog.BASELINES);
        names.add(ModelCatalog.LSTM);
        return names;
    }

    private static Panel panel(int seriesCount, int length) {
        List<TimeSeries> series = new ArrayList<>();
        for (int i = 0; i < seriesCount; i++) {
            series.add(new TimeSeries(List.of("s" + i), LocalDate.of(2024, 1, 1), Frequency.DAY, new double[length]));
        }
        return new Panel(List.of("sku"), series, series.stream().map(one -> Map.<String, double[]>of())
                .toList(), Set.of());
    }
}
