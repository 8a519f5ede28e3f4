package com.trendcast.forecast.api;

import com.trendcast.api.ApiPaths;
import com.trendcast.api.ApiProblem;
import com.trendcast.api.ApiUploads;
import com.trendcast.common.export.TableExport;
import com.trendcast.forecast.AdhocForecastService;
import com.trendcast.forecast.AdhocMapping;
import com.trendcast.forecast.AdhocResult;
import com.trendcast.forecast.ModelCatalog;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.security.AccessScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

@RestController
class AdhocForecastApiController {

    private final AdhocForecastService adhoc;

    AdhocForecastApiController(AdhocForecastService adhoc) {
        this.adhoc = adhoc;
    }

    /**
     * Forecasts an uploaded file in one call and answers the forecasts as CSV. The file is kept only for the call,
     * under a generated name in the service's work folder, and deleted whatever happens; nothing is stored.
     */
    @PostMapping(path = ApiPaths.V1 + "/forecast/adhoc", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Forecast an uploaded file (CSV, TSV, CSV.GZ, XLSX, XLS) without storing it",
            description = "Answers CSV: the series columns, then date, forecast, lower, upper. A file or mapping "
                    + "that cannot be forecast answers 400 with the reason; the file is never kept.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<byte[]> forecast(
            @Parameter(hidden = true) AccessScope scope,
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "column with the period dates") @RequestParam String date,
            @Parameter(description = "numeric column to forecast") @RequestParam String target,
            @Parameter(description = "columns that identify a series (repeat the parameter); default one series "
                    + "of all rows") @RequestParam(required = false) List<String> series,
            @Parameter(description = "day, week or month; default inferred from the dates")
            @RequestParam(required = false) String frequency,
            @Parameter(description = "periods to forecast (1 to 366); default 28 days, 13 weeks or 6 months")
            @RequestParam(required = false) Integer horizon,
            @Parameter(description = "nominal coverage of the prediction interval, between 0 and 1")
            @RequestParam(defaultValue = "0.8") double interval,
            @Parameter(description = "auto, or a model name (e.g. naive, ets, global-linear)")
            @RequestParam(defaultValue = ModelCatalog.AUTO) String model) throws IOException {
        Frequency periods = frequency == null ? null : frequency(frequency);
        AdhocMapping mapping = new AdhocMapping(date, target, series == null ? List.of() : series, List.of(),
                periods, horizon == null ? AdhocMapping.defaultHorizon(periods) : horizon, interval, model.strip());
        Path received = adhoc.newUploadFile();
        try {
            file.transferTo(received);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(received);
            throw e;
        }
        AdhocResult result = adhoc.forecast(scope, received, ApiUploads.displayName(file.getOriginalFilename()),
                mapping);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        adhoc.writeCsv(result, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(TableExport.CSV_MIME))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(AdhocForecastService.downloadName(result, "csv")))
                .body(out.toByteArray());
    }

    /** A plain file name where it is ASCII; the RFC 5987 form only where it must carry other letters. */
    private static String attachment(String fileName) {
        ContentDisposition.Builder disposition = ContentDisposition.attachment();
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(fileName);
        return (ascii ? disposition.filename(fileName) : disposition.filename(fileName, StandardCharsets.UTF_8))
                .build().toString();
    }

    private static Frequency frequency(String value) {
        try {
            return Frequency.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.parameter.invalid", "frequency");
        }
    }
}
