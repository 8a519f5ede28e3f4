package com.trendcast.sales.api;

import com.trendcast.api.ApiPaths;
import com.trendcast.api.ApiProblem;
import com.trendcast.common.export.ExportTable;
import com.trendcast.common.export.TableExport;
import com.trendcast.sales.SalesAnalytics;
import com.trendcast.sales.SalesBreakdown;
import com.trendcast.sales.SalesBreakdownService;
import com.trendcast.sales.SalesLevel;
import com.trendcast.security.AccessScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@RestController
@RequestMapping(ApiPaths.V1 + "/sales")
class SalesApiController {

    private final SalesBreakdownService sales;

    SalesApiController(SalesBreakdownService sales) {
        this.sales = sales;
    }

    @GetMapping
    @Operation(summary = "Revenue and units per category, sub-category or product",
            description = "Only the caller's categories. Naming another category answers 403 (and is audited).")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SalesBreakdown.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<?> sales(
            @Parameter(hidden = true) AccessScope scope,
            @Parameter(description = "category, subcategory (needs category) or product")
            @RequestParam(defaultValue = "category") String level,
            @Parameter(description = "first day (ISO date); default one year before 'to'")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day (ISO date); default the last day with sales")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "top-level category to limit the breakdown to")
            @RequestParam(required = false) String category,
            @Parameter(description = "most products listed (1 to " + SalesBreakdownService.MAX_PRODUCTS + ")")
            @RequestParam(defaultValue = "100") int limit,
            @Parameter(description = "json or csv") @RequestParam(defaultValue = "json") String format) {
        SalesBreakdown breakdown = sales.breakdown(scope, level(level), from, to, category, limit);
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(breakdown);
            case "csv" -> csv(breakdown);
            default -> throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.format.invalid", format);
        };
    }

    private static SalesLevel level(String level) {
        try {
            return SalesLevel.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.sales.level.invalid", level);
        }
    }

    private static ResponseEntity<byte[]> csv(SalesBreakdown breakdown) {
        String keyColumn = breakdown.level() == SalesLevel.PRODUCT ? "sku"
                : breakdown.level().name().toLowerCase(Locale.ROOT);
        List<List<Object>> rows = new ArrayList<>();
        for (SalesAnalytics.Slice slice : breakdown.rows()) {
            rows.add(List.of(slice.key(), slice.label(), slice.revenue(), slice.units()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableExport.writeCsv(new ExportTable("sales", List.of(keyColumn, "label", "revenue", "units"), rows), out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(TableExport.CSV_MIME))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sales-" + keyColumn + ".csv\"")
                .body(out.toByteArray());
    }
}
