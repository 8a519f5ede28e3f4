package com.trendcast.dataset.api;

import com.trendcast.api.ApiLocales;
import com.trendcast.api.ApiPaths;
import com.trendcast.api.ApiProblem;
import com.trendcast.api.ApiUploads;
import com.trendcast.common.UserFacingException;
import com.trendcast.dataset.DatasetImportService;
import com.trendcast.dataset.DatasetService;
import com.trendcast.dataset.DatasetSummary;
import com.trendcast.dataset.ImportReport;
import com.trendcast.dataset.ImportRequest;
import com.trendcast.dataset.ImportResult;
import com.trendcast.dataset.ReturnsPolicy;
import com.trendcast.dataset.UploadedFile;
import com.trendcast.dataset.read.mapping.ColumnMapping;
import com.trendcast.dataset.read.mapping.DatasetKind;
import com.trendcast.security.AccessScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

@RestController
@RequestMapping(ApiPaths.V1 + "/datasets")
class DatasetApiController {

    private static final Logger log = LoggerFactory.getLogger(DatasetApiController.class);

    private final DatasetService datasets;
    private final DatasetImportService imports;

    DatasetApiController(DatasetService datasets, DatasetImportService imports) {
        this.datasets = datasets;
        this.imports = imports;
    }

    @GetMapping
    @Operation(summary = "The datasets the caller may see")
    List<DatasetSummary> list(@Parameter(hidden = true) AccessScope scope) {
        return datasets.list(scope);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One dataset; 404 when it does not exist or the caller may not see it")
    DatasetSummary get(@Parameter(hidden = true) AccessScope scope, @PathVariable long id) {
        return datasets.get(scope, id);
    }

    /**
     * Imports a file as the import wizard does, with the mapping it would propose: whole or not at all. A refused
     * file answers 400 with the first rejected rows and their reasons, and stores nothing.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload and import a sales, sessions or events file (CSV, TSV, CSV.GZ, XLSX, XLS)",
            description = "The column mapping is detected as in the import wizard. Without skipInvalid any invalid "
                    + "row refuses the file; a refused file answers 400 with its first problems and stores nothing.")
    ResponseEntity<ImportResponse> upload(
            @Parameter(hidden = true) AccessScope scope,
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "dataset name; default the file name") @RequestParam(required = false) String name,
            @Parameter(description = "expected kind: sales, sessions or events; refused if the file looks different")
            @RequestParam(required = false) String kind,
            @Parameter(description = "workbook sheet; default the first") @RequestParam(required = false) String sheet,
            @Parameter(description = "net or drop; required when the file has returns or cancellations")
            @RequestParam(required = false) String returns,
            @Parameter(description = "import the valid rows when a few are invalid")
            @RequestParam(defaultValue = "false") boolean skipInvalid,
            HttpServletRequest request) throws IOException {
        DatasetKind expectedKind = kind == null ? null : choice(DatasetKind.class, kind, "kind");
        ReturnsPolicy returnsPolicy = returns == null ? null : choice(ReturnsPolicy.class, returns, "returns");
        String sourceName = ApiUploads.displayName(file.getOriginalFilename());
        // Stored under a name of our own: the client's file name is only ever shown, never used as a path.
        Path received = imports.workDirectory().resolve(UUID.randomUUID() + ".upload");
        try {
            file.transferTo(received);
            UploadedFile uploaded = imports.inspect(scope, received, sourceName);
            ColumnMapping mapping = imports.preview(uploaded.path(), sheet).proposal().mapping();
            if (expectedKind != null && expectedKind != mapping.kind()) {
                throw new UserFacingException("api.upload.kindMismatch", mapping.kind(), expectedKind);
            }
            ImportRequest importRequest = ImportRequest.of(received, sourceName, mapping)
                    .withSheet(sheet)
                    .withDatasetName(name)
                    .withReturns(returnsPolicy)
                    .withSkipInvalid(skipInvalid)
                    .withOwner(scope.username())
                    .withLocale(ApiLocales.of(request));
            ImportResult result = imports.importFile(importRequest);
            return ResponseEntity.created(URI.create(ApiPaths.V1 + "/datasets/" + result.datasetId()))
                    .body(ImportResponse.of(result));
        } finally {
            try {
                Files.deleteIfExists(received);
            } catch (IOException e) {
                log.warn("Could not remove the received upload {}", received, e);
            }
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String parameter) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.parameter.invalid", parameter);
        }
    }

    /** What a stored import answers: the new dataset and the control totals to check it against the source. */
    record ImportResponse(long datasetId, DatasetKind kind, long rowsRead, long rowsImported, long rowsRejected,
                          long returnsDropped, Map<String, BigDecimal> totals) {

        static ImportResponse of(ImportResult result) {
            ImportReport report = result.report();
            Map<String, BigDecimal> totals = new TreeMap<>();
            report.totals().forEach((key, value) -> totals.put(key, value.stripTrailingZeros()));
            return new ImportResponse(result.datasetId(), report.kind(), report.rowsRead(), report.rowsImported(),
                    report.rowsRejected(), report.returnsDropped(), totals);
        }
    }
}
