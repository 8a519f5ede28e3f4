package com.trendcast.forecast;

import com.trendcast.audit.AuditService;
import com.trendcast.common.UserFacingException;
import com.trendcast.common.export.ExportTable;
import com.trendcast.common.export.TableExport;
import com.trendcast.dataset.DatasetImportService;
import com.trendcast.dataset.ImportProperties;
import com.trendcast.dataset.ImportRequest;
import com.trendcast.dataset.ImportResult;
import com.trendcast.dataset.ReturnsPolicy;
import com.trendcast.dataset.read.Row;
import com.trendcast.dataset.read.RowReader;
import com.trendcast.dataset.read.TabularSource;
import com.trendcast.dataset.read.UnreadableFileException;
import com.trendcast.dataset.read.mapping.ColumnMapping;
import com.trendcast.dataset.read.mapping.ColumnMappingProposer;
import com.trendcast.dataset.read.mapping.DatasetKind;
import com.trendcast.dataset.read.mapping.LogicalField;
import com.trendcast.dataset.read.value.ValueFormatException;
import com.trendcast.dataset.read.value.ValueParsers;
import com.trendcast.forecast.engine.Forecast;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.eval.AccuracyMetrics;
import com.trendcast.security.AccessScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Ad-hoc forecasts of an uploaded file that is not stored unless the user saves it as a dataset: receive the file
 * (size and format checked, mapping proposed), forecast it with the confirmed mapping through
 * {@link ForecastWorkflow}, write the result as XLSX or CSV, and on request import the file as a sales dataset
 * through {@link DatasetImportService}. The one path for the ad-hoc view and the REST API.
 * <p>
 * The file is a temporary copy under {@code uploads/adhoc}: refused files are deleted at once, accepted ones
 * when their {@link AdhocUpload} is closed; copies older than a day (a crash, a lost session) are swept when the
 * service starts.
 * <p>
 * {@code auto} chooses among fewer candidates than the command line's, so that an answer comes in seconds.
 * Figures from {@code AdhocCandidateCostBenchmark} (2-fold 28-day backtest of 500 daily series of two years, process
 * CPU seconds, which do not depend on the neighbours of a shared machine): naive 0.3, seasonal naive 0.1, moving
 * average 0.2, ets 5.2, linear 1.3, global ridge 2.3, global gradient-boosted trees 15.6 (single-threaded, and
 * trained again for the forecast), the LSTM minutes (one epoch over its sampled windows took 25 s wall even on 20
 * series, and a backtest trains it once per fold). So every baseline and the global ridge model are always
 * candidates, the boosted trees only up to {@value #XGBOOST_MAX_OBSERVATIONS} observations, the LSTM never; their
 * WAPE there (0.126) was no better than the ridge's (0.127) or the linear baseline's (0.121). A model the user names
 * is always used, and backtested next to the baselines.
 * <p>
 * The data is the caller's own file and nothing is read from the database, so there are no categories to scope;
 * the caller's scope names who ran it in the audit log. Saving it as a dataset is scoped as every import is.
 */
@Service
public class AdhocForecastService {

    /** Rows read to propose the mapping, as the import does. */
    static final int SAMPLE_ROWS = 200;
    /** Panels up to this many series × periods also backtest the gradient-boosted trees under {@code auto}. */
    static final long XGBOOST_MAX_OBSERVATIONS = 100_000;
    /** Longest horizon accepted, in periods. */
    static final int MAX_HORIZON = 366;
    /** Rolling-origin folds behind model choice and intervals, as the command line's default. */
    static final int FOLDS = 2;
    static final long SEED = 42;
    private static final Duration ABANDONED_AFTER = Duration.ofDays(1);
    private static final int DECIMALS = 4;
    private static final Logger log = LoggerFactory.getLogger(AdhocForecastService.class);

    /** What a running forecast is doing, for a progress display. */
    public enum Stage { READING, BACKTESTING, DONE }

    private final ImportProperties limits;
    private final AuditService audit;
    private final DatasetImportService imports;
    private final Path directory;

    AdhocForecastService(ImportProperties limits, AuditService audit, DatasetImportService imports,
                         @Value("${trendcast.uploads-dir}") Path uploadsDir) {
        this.limits = limits;
        this.audit = audit;
        this.imports = imports;
        this.directory = uploadsDir.resolve("adhoc");
        sweepAbandoned();
    }

    /** A fresh path in the service's temporary folder for an upload to be written to. */
    public Path newUploadFile() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the ad-hoc upload folder " + directory.toAbsolutePath(), e);
        }
        return directory.resolve(UUID.randomUUID() + ".upload");
    }

    /** Largest file accepted: the import limit. */
    public long maxFileSizeBytes() {
        return limits.maxFileSize().toBytes();
    }

    /**
     * Checks a received file and proposes how to forecast it. A refused file is deleted.
     *
     * @param file         the temporary copy (see {@link #newUploadFile()}); owned by the returned upload
     * @param originalName the name it had on the user's computer
     * @throws UserFacingException for a missing, too large, unreadable or empty file
     */
    public AdhocUpload receive(AccessScope scope, Path file, String originalName) {
        Objects.requireNonNull(scope, "scope");
        try {
            checkSize(file);
            try (RowReader rows = TabularSource.open(file).openRows()) {
                List<String> header = rows.header();
                List<Row> sample = new ArrayList<>();
                while (sample.size() < SAMPLE_ROWS && rows.hasNext()) {
                    sample.add(rows.next());
                }
                return new AdhocUpload(file, originalName, header, propose(header, sample));
            }
        } catch (UnreadableFileException e) {
            AdhocUpload.delete(file);
            throw new UserFacingException(e, "adhoc.file.unreadable", originalName, e.reason());
        } catch (RuntimeException e) {
            AdhocUpload.delete(file);
            throw e;
        }
    }

    /**
     * Forecasts an uploaded file with a confirmed mapping. The upload stays open, so the user may change the mapping
     * and run again.
     *
     * @param progress told when the work moves on, from the calling thread
     * @throws UserFacingException for a mapping that does not fit the file (unknown or reused columns, a bad
     *                             horizon, interval or model), values that cannot be read, or a history too short
     */
    public AdhocResult forecast(AccessScope scope, AdhocUpload upload, AdhocMapping mapping,
                                Consumer<Stage> progress) {
        Objects.requireNonNull(scope, "scope");
        validate(mapping, upload.header(), upload.originalName());
        Instant started = Instant.now();
        progress.accept(Stage.READING);
        ForecastRequest request = new ForecastRequest(upload.file(), mapping.dateColumn(), mapping.targetColumn(),
                mapping.seriesColumns(), mapping.covariateColumns(), null, mapping.frequency(), mapping.horizon(),
                mapping.intervalLevel(), SEED, FOLDS);
        Panel panel = PanelReader.read(request, upload.originalName());
        requireHistory(panel, mapping.horizon());
        progress.accept(Stage.BACKTESTING);
        List<String> candidates = candidates(panel, mapping.model());
        ForecastWorkflow.Outcome outcome = ForecastWorkflow.forecast(panel, request, mapping.model(), candidates);
        AdhocResult result = result(upload, mapping, panel, outcome, skipped(candidates, mapping.model()),
                Duration.between(started, Instant.now()));
        progress.accept(Stage.DONE);
        audit.record(scope.username(), "adhoc.forecast", "file=" + upload.originalName() + ", series="
                + panel.series().size() + ", horizon=" + mapping.horizon() + ", model=" + outcome.model());
        log.info("Ad-hoc forecast of {} series x {} periods with {} in {} ms", panel.series().size(),
                mapping.horizon(), outcome.model(), result.elapsed().toMillis());
        return result;
    }

    /**
     * Receives, forecasts and deletes a file in one call (the REST API's path); the file is deleted whatever
     * happens.
     */
    public AdhocResult forecast(AccessScope scope, Path file, String originalName, AdhocMapping mapping) {
        try (AdhocUpload upload = receive(scope, file, originalName)) {
            return forecast(scope, upload, mapping, stage -> { });
        } finally {
            AdhocUpload.delete(file);
        }
    }

    /**
     * Saves an uploaded file as a sales dataset, read as the import proposes with the columns confirmed for the
     * forecast taking precedence: the date column as the date, the target as units (or as revenue where the import
     * reads it so), and a single series column as the SKU where the import found none. Returns and cancellations are
     * netted, as the forecast summed them. Owner, name and category rules are the import's (see
     * {@link DatasetImportService#importAs}); the file imports whole or not at all and the import is audited.
     *
     * @param categoryForUncategorised the category of products the file gives none; null for the import's default
     * @throws UserFacingException for a mapping that does not fit the file, a bad or used name, or a refused file
     *                             ({@link com.trendcast.dataset.ImportRefusedException} with the row-level report)
     */
    public ImportResult saveAsDataset(AccessScope scope, AdhocUpload upload, AdhocMapping mapping, String datasetName,
                                      String categoryForUncategorised, Locale locale) {
        validate(mapping, upload.header(), upload.originalName());
        ColumnMapping proposed = imports.preview(upload.file(), null).proposal().mapping();
        Map<String, String> fields = new LinkedHashMap<>(proposed.fields());
        LogicalField target = mapping.targetColumn().equals(proposed.column(LogicalField.REVENUE))
                ? LogicalField.REVENUE : LogicalField.UNITS;
        confirm(fields, LogicalField.DATE, mapping.dateColumn());
        confirm(fields, target, mapping.targetColumn());
        if (!fields.containsKey(LogicalField.SKU.key()) && mapping.seriesColumns().size() == 1) {
            confirm(fields, LogicalField.SKU, mapping.seriesColumns().get(0));
        }
        ColumnMapping columns = new ColumnMapping(DatasetKind.SALES, fields, List.of(), proposed.dateFormats(),
                proposed.numberFormats());
        ImportRequest request = ImportRequest.of(upload.file(), upload.originalName(), columns)
                .withDatasetName(datasetName)
                .withReturns(ReturnsPolicy.NET)
                .withLocale(locale);
        if (categoryForUncategorised != null && !categoryForUncategorised.isBlank()) {
            List<String> path = List.of(categoryForUncategorised.strip());
            request = request.withCategoryRule((sku, productName) -> path);
        }
        return imports.importAs(scope, request);
    }

    /** Maps {@code field} to {@code column}, which then stands for no other field. */
    private static void confirm(Map<String, String> fields, LogicalField field, String column) {
        fields.values().removeIf(column::equals);
        fields.put(field.key(), column);
    }

    /** The forecasts as a table: the series columns, then {@code date, forecast, lower, upper}. */
    public ExportTable forecastTable(AdhocResult result) {
        List<String> header = new ArrayList<>(result.seriesColumns());
        header.addAll(List.of("date", "forecast", "lower", "upper"));
        List<List<Object>> rows = new ArrayList<>();
        for (AdhocResult.SeriesForecast one : result.series()) {
            Forecast forecast = one.forecast();
            double[] point = forecast.point();
            double[] lower = forecast.lower();
            double[] upper = forecast.upper();
            for (int step = 0; step < forecast.horizon(); step++) {
                List<Object> row = new ArrayList<>(forecast.key());
                row.add(forecast.dates().get(step));
                row.add(rounded(point[step]));
                row.add(rounded(lower[step]));
                row.add(rounded(upper[step]));
                rows.add(row);
            }
        }
        return new ExportTable("forecast", header, rows);
    }

    /** Every backtested model's metrics, best first, marking the chosen one and the baselines. */
    public ExportTable accuracyTable(AdhocResult result) {
        List<String> header = List.of("model", "role", "wape", "mae", "rmse", "mase", "smape", "r2", "bias",
                "interval_coverage");
        List<List<Object>> rows = new ArrayList<>();
        for (AdhocResult.ModelAccuracy accuracy : result.accuracy()) {
            AccuracyMetrics metrics = accuracy.metrics();
            List<Object> row = new ArrayList<>();
            row.add(accuracy.model());
            row.add(accuracy.chosen() ? "chosen" : accuracy.baseline() ? "baseline" : "candidate");
            Stream.of(metrics.wape(), metrics.mae(), metrics.rmse(), metrics.mase(), metrics.smape(), metrics.r2(),
                    metrics.bias()).forEach(value -> row.add(finite(value)));
            row.add(accuracy.chosen() ? finite(result.intervalCoverage()) : null);
            rows.add(row);
        }
        return new ExportTable("backtest", header, rows);
    }

    /** The sheets of the result's workbook: the forecasts first, then the backtest metrics. */
    public List<ExportTable> workbookSheets(AdhocResult result) {
        return List.of(forecastTable(result), accuracyTable(result));
    }

    /** The forecasts as CSV, in the command line's columns. */
    public void writeCsv(AdhocResult result, OutputStream target) {
        TableExport.writeCsv(forecastTable(result), target);
    }

    /** The file name a download should carry, e.g. {@code sales-forecast.xlsx} for {@code sales.csv}. */
    public static String downloadName(AdhocResult result, String extension) {
        return downloadBaseName(result) + "." + extension;
    }

    /** {@link #downloadName} without the extension, e.g. {@code sales-forecast}. */
    public static String downloadBaseName(AdhocResult result) {
        String base = result.fileName().replaceAll("(?i)(\\.csv)?(\\.gz|\\.xlsx|\\.xls|\\.csv|\\.tsv|\\.txt)$", "")
                .replaceAll("[^\\p{L}\\p{N}._-]+", "_");
        return (base.isBlank() ? "adhoc" : base) + "-forecast";
    }

    private AdhocMapping propose(List<String> header, List<Row> sample) {
        ColumnMapping mapping = new ColumnMappingProposer().propose(header, sample).mapping();
        String date = mapping.column(LogicalField.DATE);
        String target = firstMapped(mapping, LogicalField.UNITS, LogicalField.REVENUE);
        List<String> series = new ArrayList<>();
        for (LogicalField field : List.of(LogicalField.REGION, LogicalField.SKU)) {
            if (mapping.column(field) != null) {
                series.add(mapping.column(field));
            }
        }
        if (series.isEmpty() && mapping.column(LogicalField.PRODUCT_NAME) != null) {
            series.add(mapping.column(LogicalField.PRODUCT_NAME));
        }
        Frequency frequency = date == null ? null : sampleFrequency(sample, header.indexOf(date));
        return new AdhocMapping(date, target, series, List.of(), frequency, AdhocMapping.defaultHorizon(frequency),
                AdhocMapping.DEFAULT_INTERVAL, ModelCatalog.AUTO);
    }

    private static String firstMapped(ColumnMapping mapping, LogicalField... fields) {
        for (LogicalField field : fields) {
            if (mapping.column(field) != null) {
                return mapping.column(field);
            }
        }
        return null;
    }

    /** The frequency the sample's dates suggest, or null when they cannot be read. */
    private static Frequency sampleFrequency(List<Row> sample, int column) {
        List<String> values = sample.stream().map(row -> row.value(column))
                .filter(value -> !ValueParsers.isAbsent(value)).toList();
        return ValueParsers.guessDateFormat(values).map(format -> {
            List<LocalDate> dates = new ArrayList<>();
            for (String value : values) {
                try {
                    dates.add(ValueParsers.parseDate(value, format));
                } catch (ValueFormatException e) {
                    return null;
                }
            }
            return dates.size() < 2 ? null : PanelReader.inferFrequency(dates);
        }).orElse(null);
    }

    private void validate(AdhocMapping mapping, List<String> header, String fileName) {
        if (mapping.dateColumn() == null || mapping.dateColumn().isBlank()) {
            throw new UserFacingException("adhoc.mapping.noDate");
        }
        if (mapping.targetColumn() == null || mapping.targetColumn().isBlank()) {
            throw new UserFacingException("adhoc.mapping.noTarget");
        }
        List<String> used = new ArrayList<>(List.of(mapping.dateColumn(), mapping.targetColumn()));
        used.addAll(mapping.seriesColumns());
        used.addAll(mapping.covariateColumns());
        Set<String> seen = new HashSet<>();
        for (String column : used) {
            if (header.stream().noneMatch(name -> name.equals(column) || name.equalsIgnoreCase(column.strip()))) {
                throw new UserFacingException("adhoc.column.unknown", column, fileName, String.join(", ", header));
            }
            if (!seen.add(column.strip().toLowerCase(Locale.ROOT))) {
                throw new UserFacingException("adhoc.column.twice", column);
            }
        }
        if (mapping.horizon() < 1 || mapping.horizon() > MAX_HORIZON) {
            throw new UserFacingException("adhoc.horizon.invalid", mapping.horizon(), MAX_HORIZON);
        }
        if (!(mapping.intervalLevel() > 0 && mapping.intervalLevel() < 1)) {
            throw new UserFacingException("forecast.interval.invalid", mapping.intervalLevel());
        }
        ModelCatalog.requireKnown(mapping.model());
    }

    /**
     * The longest series needs twice the horizon: one horizon for the backtest to test on and at least as much
     * before it to learn from.
     */
    private static void requireHistory(Panel panel, int horizon) {
        int longest = panel.series().stream().mapToInt(TimeSeries::length).max().orElse(0);
        int needed = Math.max(2 * horizon, horizon + 3);
        if (longest < needed) {
            throw new UserFacingException("adhoc.history.tooShort", longest, horizon, needed);
        }
    }

    /**
     * The models an ad-hoc forecast backtests: for {@code auto} its candidates for this panel's size, for a named
     * model that model and the baselines it is compared with.
     */
    public static List<String> candidates(Panel panel, String model) {
        List<String> candidates = new ArrayList<>(ModelCatalog.BASELINES);
        if (model.equals(ModelCatalog.AUTO)) {
            candidates.add(ModelCatalog.GLOBAL_LINEAR);
            if (observations(panel) <= XGBOOST_MAX_OBSERVATIONS) {
                candidates.add(ModelCatalog.GLOBAL_XGBOOST);
            }
        } else if (!candidates.contains(model)) {
            candidates.add(model);
        }
        return candidates;
    }

    private static long observations(Panel panel) {
        return panel.series().stream().mapToLong(TimeSeries::length).sum();
    }

    private static List<String> skipped(List<String> candidates, String model) {
        if (!model.equals(ModelCatalog.AUTO)) {
            return List.of();
        }
        return ModelCatalog.autoCandidates().stream().filter(name -> !candidates.contains(name)).toList();
    }

    private static AdhocResult result(AdhocUpload upload, AdhocMapping mapping, Panel panel,
                                      ForecastWorkflow.Outcome outcome, List<String> skipped, Duration elapsed) {
        List<AdhocResult.SeriesForecast> series = new ArrayList<>();
        for (int i = 0; i < panel.series().size(); i++) {
            series.add(new AdhocResult.SeriesForecast(panel.series().get(i), outcome.forecasts().get(i)));
        }
        List<AdhocResult.ModelAccuracy> accuracy = outcome.backtest().scores().stream()
                .map(score -> new AdhocResult.ModelAccuracy(score.model(), score.model().equals(outcome.model()),
                        ModelCatalog.BASELINES.contains(score.model()), score.overall()))
                .sorted(Comparator.comparingDouble(AdhocForecastService::wapeOrLast)
                        .thenComparing(row -> !row.chosen()))
                .toList();
        double coverage = ForecastWorkflow.intervalAccuracy(panel, outcome.backtest().forecastsOf(outcome.model()),
                mapping.intervalLevel()).coverage();
        return new AdhocResult(upload.originalName(), mapping.targetColumn(), panel.seriesColumns(),
                panel.series().get(0).frequency(), series, outcome.model(), accuracy, FOLDS, mapping.intervalLevel(),
                coverage, skipped, elapsed);
    }

    private static double wapeOrLast(AdhocResult.ModelAccuracy row) {
        double wape = row.metrics().wape();
        return Double.isNaN(wape) ? Double.POSITIVE_INFINITY : wape;
    }

    private void checkSize(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UserFacingException(e, "import.file.missing");
        }
        if (size > limits.maxFileSize().toBytes()) {
            throw new UserFacingException("import.file.tooLarge", limits.maxFileSize().toMegabytes());
        }
    }

    private void sweepAbandoned() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        FileTime cutoff = FileTime.from(Instant.now().minus(ABANDONED_AFTER));
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> {
                try {
                    return Files.getLastModifiedTime(file).compareTo(cutoff) < 0;
                } catch (IOException e) {
                    return false;
                }
            }).forEach(AdhocUpload::delete);
        } catch (IOException e) {
            log.warn("Could not sweep abandoned ad-hoc uploads in {}", directory, e);
        }
    }

    private static Double rounded(double value) {
        double scale = Math.pow(10, DECIMALS);
        return Math.round(value * scale) / scale;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
