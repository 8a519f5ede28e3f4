package com.trendcast.dataset;

import com.trendcast.audit.AuditService;
import com.trendcast.common.SafeText;
import com.trendcast.common.UserFacingException;
import com.trendcast.dataset.read.Row;
import com.trendcast.dataset.read.RowReader;
import com.trendcast.dataset.read.TabularSource;
import com.trendcast.dataset.read.UnreadableFileException;
import com.trendcast.dataset.read.mapping.ColumnMapping;
import com.trendcast.dataset.read.mapping.ColumnMappingProposer;
import com.trendcast.dataset.read.mapping.DatasetKind;
import com.trendcast.dataset.read.mapping.LogicalField;
import com.trendcast.dataset.read.mapping.MappingProposal;
import com.trendcast.behaviour.EventRollups;
import com.trendcast.sales.SalesRollups;
import com.trendcast.security.AccessScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Imports sales, session and event files: recognise the file, propose a mapping, check every row, and store
 * the valid rows atomically. A dataset is first recorded as IMPORTING; its rows are written in one
 * transaction that also marks it READY, so a refused, failed or interrupted import leaves nothing behind
 * (interrupted ones are swept at the next start by {@link ImportLeftoverCleanup}).
 */
@Service
public class DatasetImportService {

    /** Rows the mapping proposal and the value-format guesses look at. */
    static final int SAMPLE_ROWS = 200;
    /** Rows shown in the preview. */
    public static final int PREVIEW_ROWS = 20;
    private static final int PROBLEMS_SHOWN = 100;
    /** Longest dataset name, as the dataset table and renaming allow. */
    private static final int MAX_NAME = 200;
    private static final Logger log = LoggerFactory.getLogger(DatasetImportService.class);

    private final DatasetStore store;
    private final ImportProperties properties;
    private final Path uploadsDir;
    private final TransactionTemplate transactions;
    private final AuditService audit;
    private final SalesRollups salesRollups;
    private final EventRollups eventRollups;
    private final Clock clock;
    /** Test seam: called before each row is interpreted, so a test can make an import fail at a chosen row. */
    Consumer<Row> beforeRow = row -> { };

    DatasetImportService(DatasetStore store, ImportProperties properties,
                         @Value("${trendcast.uploads-dir}") Path uploadsDir,
                         PlatformTransactionManager transactionManager, AuditService audit, Clock clock,
                         SalesRollups salesRollups, EventRollups eventRollups) {
        this.store = store;
        this.properties = properties;
        this.uploadsDir = uploadsDir;
        this.transactions = new TransactionTemplate(transactionManager);
        this.audit = audit;
        this.clock = clock;
        this.salesRollups = salesRollups;
        this.eventRollups = eventRollups;
    }

    /** Folder for files being imported; uploads are written here, never held in memory. */
    public Path workDirectory() {
        Path dir = uploadsDir.resolve("incoming");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the uploads folder " + dir.toAbsolutePath(), e);
        }
        return dir;
    }

    public long maxFileSizeBytes() {
        return properties.maxFileSize().toBytes();
    }

    public double maxErrorShare() {
        return properties.maxErrorShare();
    }

    /** Reads a mapping saved as JSON (the format stored with each dataset's mapping and its templates). */
    public ColumnMapping mappingFromJson(String json) {
        return MappingJson.readMapping(json);
    }

    /** Recognises a received file, fingerprints it and finds earlier imports of the same bytes. */
    public UploadedFile inspect(AccessScope scope, Path file, String originalName) {
        long size = checkSize(file);
        TabularSource source = open(file);
        List<String> sheets = readable(source::sheetNames);
        String checksum = sha256(file);
        return new UploadedFile(file, originalName, size, checksum, sheets,
                store.findVisibleByChecksum(scope, checksum));
    }

    /**
     * Reads the first rows and proposes how to read them. A mapping confirmed earlier for a file with the
     * same columns is offered instead of a fresh proposal.
     */
    public ImportPreview preview(Path file, String sheet) {
        checkSize(file);
        TabularSource source = open(file);
        return readable(() -> {
            try (RowReader rows = sheet == null ? source.openRows() : source.openRows(sheet)) {
                List<String> header = rows.header();
                List<Row> sample = take(rows, SAMPLE_ROWS);
                MappingProposal proposal = new ColumnMappingProposer().propose(header, sample);
                List<Row> first = sample.subList(0, Math.min(PREVIEW_ROWS, sample.size()));
                return store.templateFor(MappingJson.headerKey(header))
                        .map(MappingJson::readMapping)
                        .filter(template -> header.containsAll(template.fields().values())
                                && header.containsAll(template.featureColumns()))
                        .map(template -> new ImportPreview(header, first, new MappingProposal(template,
                                proposal.returns(), unmapped(header, template)), true))
                        .orElseGet(() -> new ImportPreview(header, first, proposal, false));
            }
        });
    }

    private static List<String> unmapped(List<String> header, ColumnMapping mapping) {
        return header.stream().filter(column -> !mapping.fields().containsValue(column)
                && !mapping.featureColumns().contains(column)).toList();
    }

    /** The preview rows as the import would read them with this (possibly unfinished) mapping. */
    public List<ParsedRow> parse(ImportPreview preview, ColumnMapping mapping) {
        ResolvedMapping resolved = ResolvedMapping.bind(mapping, preview.header(), preview.firstRows());
        List<ParsedRow> parsed = new ArrayList<>(preview.firstRows().size());
        for (Row row : preview.firstRows()) {
            Map<LogicalField, Object> values = new EnumMap<>(LogicalField.class);
            Map<LogicalField, RowProblem> problems = new EnumMap<>(LogicalField.class);
            for (LogicalField field : resolved.mappedFields()) {
                try {
                    Object value = resolved.value(row, field);
                    if (value != null) {
                        values.put(field, value);
                    }
                } catch (RowRejected rejected) {
                    problems.put(field, rejected.problem());
                }
            }
            parsed.add(new ParsedRow(row.number(), values, problems));
        }
        return parsed;
    }

    /** Reads the whole file as the import would and reports what it found; stores nothing. */
    public ImportReport check(ImportRequest request) {
        return readable(() -> run(request, false).report());
    }

    /**
     * Imports the file, or refuses it with an {@link ImportRefusedException} carrying the report (too many
     * invalid rows, invalid rows without {@link ImportRequest#skipInvalid()}, returns without a policy).
     * Either the whole dataset is stored or nothing is.
     */
    public ImportResult importFile(ImportRequest request) {
        long started = System.nanoTime();
        try {
            ImportResult result = readable(() -> run(request, true));
            ImportReport report = result.report();
            log.info("Imported dataset {} '{}' ({}) from {}: {} rows read, {} imported, {} rejected, {} returns "
                            + "dropped, totals {} in {} ms", result.datasetId(), request.effectiveName(), report.kind(),
                    request.file(), report.rowsRead(), report.rowsImported(), report.rowsRejected(),
                    report.returnsDropped(), report.totals(), Duration.ofNanos(System.nanoTime() - started).toMillis());
            audit.record(request.username(), "dataset.import", "Dataset " + result.datasetId() + " '"
                    + request.effectiveName() + "' from " + request.sourceName() + ": " + report.rowsImported()
                    + " rows imported, " + report.rowsRejected() + " rejected");
            return result;
        } catch (RuntimeException e) {
            log.warn("Import of {} ({}) failed: {}", request.sourceName(), request.file(), e.getMessage(),
                    e instanceof UserFacingException ? null : e);
            audit.record(request.username(), "dataset.import.failed", request.sourceName() + ": " + e.getMessage());
            throw e;
        }
    }

    /**
     * Imports a file as {@link #importFile} does, as the caller: the caller owns the new dataset, its name must be
     * new among the datasets they see, and a manager may only import rows of their categories (a row of another
     * category is rejected, so the file is refused unless the request skips invalid rows). For imports started
     * outside the {@code /data} wizard, e.g. saving the file of an ad-hoc forecast.
     *
     * @throws UserFacingException for an empty, overlong or already used name
     */
    public ImportResult importAs(AccessScope scope, ImportRequest request) {
        String name = request.effectiveName();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new UserFacingException("data.name.invalid", MAX_NAME);
        }
        boolean taken = store.listVisible(scope).stream()
                .anyMatch(dataset -> dataset.name().strip().equalsIgnoreCase(name));
        if (taken) {
            throw new UserFacingException("data.name.taken", name);
        }
        ImportRequest owned = request.withDatasetName(name).withOwner(scope.username());
        return importFile(scope.admin() ? owned : owned.withCategories(scope.categories()));
    }

    private ImportResult run(ImportRequest request, boolean save) {
        checkSize(request.file());
        TabularSource source = open(request.file());
        String checksum = save ? sha256(request.file()) : null;
        try (RowReader rows = request.sheet() == null ? source.openRows() : source.openRows(request.sheet())) {
            List<String> header = rows.header();
            List<Row> sample = take(rows, SAMPLE_ROWS);
            ResolvedMapping mapping = ResolvedMapping.resolve(request.mapping(), header, sample);
            if (!save) {
                return new ImportResult(0, readAll(request, mapping, sample, rows, null));
            }
            long datasetId = store.insertImporting(SafeText.cleanAndLimit(request.effectiveName(), 200), mapping.kind(),
                    request.username(), SafeText.cleanAndLimit(request.sourceName(), 500), checksum, request.shared(),
                    clock.instant());
            try {
                ImportReport report = transactions.execute(status -> {
                    ImportReport read = readAll(request, mapping, sample, rows, datasetId);
                    if (read.refused()) {
                        throw new ImportRefusedException(read);
                    }
                    // In the same transaction: a failed import leaves no rollup rows either.
                    if (mapping.kind() == DatasetKind.SALES) {
                        salesRollups.rebuild(datasetId);
                    } else if (mapping.kind() == DatasetKind.EVENTS) {
                        eventRollups.rebuild(datasetId);
                    }
                    String saved = MappingJson.write(new MappingJson.SavedImport(mapping.completed(),
                            request.sheet(), request.returns()));
                    store.markReady(datasetId, read.rowsRead(), read.rowsImported(), read.rowsRejected(), saved);
                    return read;
                });
                store.saveTemplate(MappingJson.headerKey(header), MappingJson.write(mapping.completed()),
                        request.username(), clock.instant());
                return new ImportResult(datasetId, report);
            } catch (RuntimeException e) {
                store.delete(datasetId);
                throw e;
            }
        }
    }

    /** One pass over every row: interpret, count, report problems; rows are stored when datasetId is given. */
    private ImportReport readAll(ImportRequest request, ResolvedMapping mapping, List<Row> sample, RowReader rows,
                                 Long datasetId) {
        RowHandler handler = switch (mapping.kind()) {
            case SALES -> new SalesRowHandler(mapping, request.returns(), request.categoryRule(), store, datasetId,
                    request.categories());
            case SESSIONS -> new SessionRowHandler(mapping, sample, store, datasetId, MappingJson.JSON);
            case EVENTS -> new EventRowHandler(mapping, store, datasetId);
        };
        Path reportFile = request.errorReport() != null ? request.errorReport()
                : uploadsDir.resolve("reports").resolve("errors-" + UUID.randomUUID() + ".csv");
        PassCounts counts = new PassCounts();
        try (ErrorReportWriter errors = new ErrorReportWriter(reportFile, request.locale())) {
            for (Row row : sample) {
                counts.accept(row, handler, errors);
            }
            while (rows.hasNext()) {
                counts.accept(rows.next(), handler, errors);
            }
            String refusal = refusal(request, counts);
            if (datasetId != null && refusal == null) {
                handler.finish();
            }
            List<Object> refusalArgs = refusal == null ? List.of() : refusalArgs(refusal, counts);
            return new ImportReport(mapping.kind(), counts.read, counts.imported, counts.rejected, counts.returns,
                    counts.returnsDropped, handler.totals(), counts.problems, errors.file(), refusal, refusalArgs);
        }
    }

    private final class PassCounts {
        long read;
        long imported;
        long rejected;
        long returns;
        long returnsDropped;
        final List<RowProblem> problems = new ArrayList<>();

        void accept(Row row, RowHandler handler, ErrorReportWriter errors) {
            read++;
            beforeRow.accept(row);
            try {
                switch (handler.accept(row)) {
                    case IMPORTED -> imported++;
                    case RETURN_IMPORTED -> {
                        imported++;
                        returns++;
                    }
                    case RETURN_DROPPED -> {
                        returns++;
                        returnsDropped++;
                    }
                }
            } catch (RowRejected rejectedRow) {
                rejected++;
                errors.write(rejectedRow.problem());
                if (problems.size() < PROBLEMS_SHOWN) {
                    problems.add(rejectedRow.problem());
                }
            }
        }
    }

    private String refusal(ImportRequest request, PassCounts counts) {
        double share = counts.read == 0 ? 0 : counts.rejected / (double) counts.read;
        if (share > properties.maxErrorShare()) {
            return "import.refused.tooManyErrors";
        }
        if (counts.rejected > 0 && !request.skipInvalid()) {
            return "import.refused.invalidRows";
        }
        if (counts.returns > 0 && request.returns() == null) {
            return "import.refused.returnsUndecided";
        }
        if (counts.imported == 0) {
            return "import.refused.nothingToImport";
        }
        return null;
    }

    private List<Object> refusalArgs(String refusal, PassCounts counts) {
        return switch (refusal) {
            case "import.refused.tooManyErrors" -> List.of(counts.rejected, counts.read,
                    counts.rejected / (double) counts.read, properties.maxErrorShare());
            case "import.refused.invalidRows" -> List.of(counts.rejected, counts.read);
            case "import.refused.returnsUndecided" -> List.of(counts.returns);
            default -> List.of();
        };
    }

    private long checkSize(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UserFacingException(e, "import.file.missing");
        }
        if (size > properties.maxFileSize().toBytes()) {
            throw new UserFacingException("import.file.tooLarge", properties.maxFileSize().toMegabytes());
        }
        return size;
    }

    private static TabularSource open(Path file) {
        return readable(() -> TabularSource.open(file));
    }

    /** Problems with the file itself reach the user with the reading core's explanation. */
    private static <T> T readable(Supplier<T> action) {
        try {
            return action.get();
        } catch (UnreadableFileException e) {
            throw new UserFacingException(e, "import.file.unreadable", e.reason());
        }
    }

    private static List<Row> take(RowReader rows, int limit) {
        List<Row> taken = new ArrayList<>(limit);
        while (taken.size() < limit && rows.hasNext()) {
            taken.add(rows.next());
        }
        return taken;
    }

    private static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UserFacingException(e, "import.file.missing");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

}
