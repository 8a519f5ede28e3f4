package com.trendcast.dataset.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trendcast.cli.CliContext;
import com.trendcast.common.UserFacingException;
import com.trendcast.dataset.DatasetImportService;
import com.trendcast.dataset.DatasetSummary;
import com.trendcast.dataset.ImportReport;
import com.trendcast.dataset.ImportRequest;
import com.trendcast.dataset.ImportResult;
import com.trendcast.dataset.ReturnsPolicy;
import com.trendcast.dataset.UploadedFile;
import com.trendcast.dataset.read.mapping.ColumnMapping;
import com.trendcast.dataset.read.mapping.DatasetKind;
import com.trendcast.security.AccessScope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Imports one file as the operator. On success prints one JSON line to standard output; a refused or failed
 * import prints its reason to standard error, stores nothing and exits with 1. Importing a file whose exact
 * bytes were imported before is allowed (scripts re-run), with a warning on standard error.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a sales, sessions or events file (CSV, TSV, CSV.GZ, XLSX, XLS).",
                "Prints one JSON line: datasetId, kind, rowsRead, rowsImported, rowsRejected, totals."})
public class ImportCommand implements Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final CliContext context;

    @Option(names = "--file", required = true, description = "The file to import.")
    Path file;

    @Option(names = "--kind", description = "SALES, SESSIONS or EVENTS; the import stops if the file looks different.")
    DatasetKind kind;

    @Option(names = "--mapping", description = "Mapping JSON to use instead of the detected one "
            + "(the format saved with each dataset: kind, fields, featureColumns, dateFormats, numberFormats).")
    Path mappingFile;

    @Option(names = "--name", description = "Dataset name (default: the file name).")
    String name;

    @Option(names = "--sheet", description = "Workbook sheet to import (default: the first).")
    String sheet;

    @Option(names = "--skip-invalid", description = "Import the valid rows when some rows are invalid "
            + "(still refused above the configured share of invalid rows). Without it any invalid row refuses the file.")
    boolean skipInvalid;

    @Option(names = "--error-report", description = "Write every rejected row with its reason to this CSV file.")
    Path errorReport;

    @Option(names = "--returns", description = "NET keeps returns and cancellations as negative sales; DROP "
            + "leaves them out. Required when the file has any.")
    ReturnsPolicy returns;

    ImportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        DatasetImportService imports = context.bean(DatasetImportService.class);
        String sourceName = file.getFileName().toString();
        UploadedFile uploaded = imports.inspect(AccessScope.operator(), file, sourceName);
        for (DatasetSummary earlier : uploaded.sameFile()) {
            context.err().println("Warning: this exact file was already imported as dataset " + earlier.id()
                    + " \"" + earlier.name() + "\" on " + earlier.createdAt() + "; importing it again.");
        }
        ColumnMapping mapping = mappingFile != null
                ? imports.mappingFromJson(Files.readString(mappingFile, StandardCharsets.UTF_8))
                : imports.preview(file, sheet).proposal().mapping();
        if (kind != null && kind != mapping.kind()) {
            throw new UserFacingException("import.cli.kindMismatch", mapping.kind(), kind);
        }
        ImportRequest request = ImportRequest.of(file, sourceName, mapping)
                .withSheet(sheet)
                .withDatasetName(name)
                .withReturns(returns)
                .withSkipInvalid(skipInvalid)
                .withErrorReport(errorReport);
        ImportResult result = imports.importFile(request);
        context.out().println(json(result));
        return 0;
    }

    private static String json(ImportResult result) throws JsonProcessingException {
        ImportReport report = result.report();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("datasetId", result.datasetId());
        line.put("kind", report.kind().name().toLowerCase());
        line.put("rowsRead", report.rowsRead());
        line.put("rowsImported", report.rowsImported());
        line.put("rowsRejected", report.rowsRejected());
        line.put("returnsDropped", report.returnsDropped());
        Map<String, Object> totals = new LinkedHashMap<>();
        report.totals().entrySet().stream().sorted(Map.Entry.comparingByKey(ImportCommand::totalOrder))
                .forEach(total -> totals.put(total.getKey(), total.getValue().stripTrailingZeros()));
        line.put("totals", totals);
        return JSON.writeValueAsString(line);
    }

    /** Units before revenue, sessions before purchases: the order people read them in. */
    private static int totalOrder(String first, String second) {
        return Integer.compare(rank(first), rank(second));
    }

    private static int rank(String total) {
        return switch (total) {
            case "units", "sessions", "events" -> 0;
            default -> 1;
        };
    }
}
