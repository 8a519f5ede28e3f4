package com.trendcast.training.api;

import com.trendcast.api.ApiPaths;
import com.trendcast.api.ApiProblem;
import com.trendcast.common.UserFacingException;
import com.trendcast.common.export.ExportTable;
import com.trendcast.common.export.TableExport;
import com.trendcast.security.AccessScope;
import com.trendcast.training.ForecastRow;
import com.trendcast.training.ProductionForecast;
import com.trendcast.training.TrainingService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@RestController
class ProductionForecastApiController {

    /** The service's key when a pipeline has no production model: a missing resource to the API. */
    private static final String NO_PRODUCTION_MODEL = "training.production.none";

    private final TrainingService training;

    ProductionForecastApiController(TrainingService training) {
        this.training = training;
    }

    @GetMapping(ApiPaths.V1 + "/pipelines/{id}/forecast")
    @Operation(summary = "The stored forecasts of a pipeline's production model",
            description = "Only series of the caller's categories, also of a pipeline over every category. 404 "
                    + "'pipeline.notFound' for a pipeline the caller cannot read, 404 'training.production.none' when no "
                    + "run has been promoted, 403 'training.series.denied' (audited) for series of another category.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ForecastResponse.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<?> forecast(
            @Parameter(hidden = true) AccessScope scope,
            @PathVariable long id,
            @Parameter(description = "leading parts of the series key, one per level in order (repeat the "
                    + "parameter: series=Kitchen&series=Baking); default every series")
            @RequestParam(required = false) List<String> series,
            @Parameter(description = "json or csv") @RequestParam(defaultValue = "json") String format) {
        String chosenFormat = format.toLowerCase(Locale.ROOT);
        if (!chosenFormat.equals("json") && !chosenFormat.equals("csv")) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.format.invalid", format);
        }
        ProductionForecast forecast = production(scope, id, series == null ? List.of() : series);
        List<ForecastRow> rows = forecast.rows();
        if (chosenFormat.equals("csv")) {
            return csv(forecast, rows);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ForecastResponse.of(forecast, rows));
    }

    private ProductionForecast production(AccessScope scope, long pipelineId, List<String> series) {
        try {
            return training.productionForecast(scope, pipelineId, series);
        } catch (UserFacingException e) {
            if (e.messageKey().equals(NO_PRODUCTION_MODEL)) {
                throw new ApiProblem(HttpStatus.NOT_FOUND, e.messageKey(), e.arguments());
            }
            throw e;
        }
    }

    private static ResponseEntity<byte[]> csv(ProductionForecast forecast, List<ForecastRow> rows) {
        List<String> header = new ArrayList<>(forecast.seriesColumns());
        header.addAll(List.of("date", "forecast", "lower", "upper"));
        List<List<Object>> table = new ArrayList<>();
        for (ForecastRow row : rows) {
            List<Object> cells = new ArrayList<>(row.seriesKey());
            cells.addAll(List.of(row.date(), row.forecast(), row.lower(), row.upper()));
            table.add(cells);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableExport.writeCsv(new ExportTable("forecast", header, table), out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(TableExport.CSV_MIME))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"pipeline-" + forecast.pipelineId() + "-forecast.csv\"")
                .body(out.toByteArray());
    }

    /**
     * A production forecast as JSON.
     *
     * @param seriesColumns names of the parts of each row's {@code seriesKey}, e.g. {@code category1, category2}
     * @param intervalLevel nominal coverage of {@code lower}..{@code upper}
     */
    record ForecastResponse(long pipelineId, int pipelineVersion, long runId, String model, Instant promotedAt,
                            String promotedBy, List<String> seriesColumns, double intervalLevel,
                            List<ForecastRow> rows) {

        static ForecastResponse of(ProductionForecast forecast, List<ForecastRow> rows) {
            return new ForecastResponse(forecast.pipelineId(), forecast.pipelineVersion(), forecast.runId(),
                    forecast.model(), forecast.promotedAt(), forecast.promotedBy(), forecast.seriesColumns(),
                    forecast.intervalLevel(), rows);
        }
    }
}
