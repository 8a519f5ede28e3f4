package com.trendcast.forecast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.trendcast.common.UserFacingException;
import com.trendcast.forecast.engine.Forecast;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.eval.AccuracyMetrics;
import com.trendcast.forecast.engine.eval.BacktestResult;
import com.trendcast.forecast.engine.eval.ConformalIntervals;
import com.trendcast.forecast.engine.eval.FoldForecast;
import com.trendcast.forecast.engine.eval.Metrics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes forecasts as CSV and backtest accuracy as JSON. */
public final class ForecastOutput {

    private static final int DECIMALS = 4;

    private ForecastOutput() {
    }

    /**
     * One row per series and forecast period: the series columns, then {@code date,forecast,lower,upper} with
     * ISO dates.
     */
    public static void writeForecasts(Path file, List<String> seriesColumns, List<Forecast> forecasts) {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>(seriesColumns);
            header.addAll(List.of("date", "forecast", "lower", "upper"));
            writer.write(csvLine(header));
            for (Forecast forecast : forecasts) {
                double[] point = forecast.point();
                double[] lower = forecast.lower();
                double[] upper = forecast.upper();
                for (int step = 0; step < forecast.horizon(); step++) {
                    List<String> cells = new ArrayList<>(forecast.key());
                    cells.add(forecast.dates().get(step).toString());
                    cells.add(number(point[step]));
                    cells.add(number(lower[step]));
                    cells.add(number(upper[step]));
                    writer.write(csvLine(cells));
                }
            }
        } catch (IOException e) {
            throw new UserFacingException(e, "forecast.output.unwritable", file, e.getMessage());
        }
    }

    /**
     * Backtest accuracy per model as JSON: the fold definitions and, per model, the pooled metrics. Interval
     * coverage and width are cross-conformal: each fold's intervals are calibrated on the other folds' residuals
     * (on the fold itself when there is only one), so coverage is measured out of sample.
     */
    public static void writeBacktest(Path file, Panel panel, ForecastRequest request, BacktestResult backtest,
                                     String autoChoice) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("horizon", backtest.horizon());
        report.put("folds", request.folds());
        report.put("frequency", panel.series().get(0).frequency().name().toLowerCase());
        report.put("series", panel.series().size());
        report.put("intervalLevel", request.intervalLevel());
        report.put("foldDefinitions", foldDefinitions(backtest));
        report.put("skippedSeries", backtest.skippedSeries());
        Map<String, Object> models = new LinkedHashMap<>();
        for (String model : backtest.modelNames()) {
            models.put(model, metrics(intervalMetrics(panel, backtest.forecastsOf(model), request.intervalLevel())));
        }
        if (autoChoice != null) {
            Map<String, Object> auto = new LinkedHashMap<>(castMetrics(models.get(autoChoice)));
            auto.put("selected", autoChoice);
            models.put(ModelCatalog.AUTO, auto);
        }
        report.put("models", models);
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
        } catch (IOException e) {
            throw new UserFacingException(e, "forecast.output.unwritable", file, e.getMessage());
        } catch (UncheckedIOException e) {
            throw new UserFacingException(e, "forecast.output.unwritable", file, e.getCause().getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMetrics(Object metrics) {
        return (Map<String, Object>) metrics;
    }

    private static List<Map<String, Object>> foldDefinitions(BacktestResult backtest) {
        Map<Integer, List<FoldForecast>> byFold = new TreeMap<>();
        String firstModel = backtest.modelNames().get(0);
        backtest.forecastsOf(firstModel).forEach(forecast ->
                byFold.computeIfAbsent(forecast.fold().index(), index -> new ArrayList<>()).add(forecast));
        List<Map<String, Object>> folds = new ArrayList<>();
        byFold.forEach((index, forecasts) -> {
            Map<String, Object> fold = new LinkedHashMap<>();
            fold.put("fold", index);
            fold.put("series", forecasts.size());
            fold.put("firstTestDate", forecasts.stream().map(FoldForecast::originDate).min(LocalDate::compareTo)
                    .orElseThrow().toString());
            fold.put("lastTestStart", forecasts.stream().map(FoldForecast::originDate).max(LocalDate::compareTo)
                    .orElseThrow().toString());
            fold.put("testPeriods", backtest.horizon());
            folds.add(fold);
        });
        return folds;
    }

    /**
     * A model's backtest metrics with cross-conformal interval coverage and width (see
     * {@link #writeBacktest}).
     */
    static AccuracyMetrics intervalMetrics(Panel panel, List<FoldForecast> forecasts, double level) {
        Map<List<String>, TimeSeries> seriesByKey = new HashMap<>();
        panel.series().forEach(one -> seriesByKey.put(one.key(), one));
        Map<Integer, List<FoldForecast>> byFold = new TreeMap<>();
        forecasts.forEach(forecast -> byFold.computeIfAbsent(forecast.fold().index(), i -> new ArrayList<>())
                .add(forecast));
        Metrics.Accumulator accumulator = new Metrics.Accumulator();
        for (Map.Entry<Integer, List<FoldForecast>> fold : byFold.entrySet()) {
            List<FoldForecast> calibration = forecasts.stream()
                    .filter(forecast -> forecast.fold().index() != fold.getKey()).toList();
            ConformalIntervals intervals = ForecastWorkflow.calibrate(
                    calibration.isEmpty() ? fold.getValue() : calibration, level);
            double[] halfWidths = intervals == null ? new double[]{0} : intervals.halfWidths();
            for (FoldForecast forecast : fold.getValue()) {
                TimeSeries series = seriesByKey.get(forecast.seriesKey());
                Map<String, double[]> future = series.knownCovariateValues(forecast.fold().origin(),
                        forecast.fold().testEnd());
                double scale = forecast.level() > 0 ? forecast.level() : 0;
                for (int step = 0; step < forecast.horizon(); step++) {
                    double point = forecast.forecastAt(step);
                    double halfWidth = halfWidths[Math.min(step, halfWidths.length - 1)] * scale;
                    boolean closed = ForecastWorkflow.closed(panel, future, step);
                    double lower = closed ? 0 : Math.max(0, point - halfWidth);
                    double upper = closed ? 0 : point + halfWidth;
                    accumulator.add(forecast.actualAt(step), point, forecast.maseScale());
                    accumulator.addInterval(forecast.actualAt(step), lower, upper);
                }
            }
        }
        return accumulator.result();
    }

    private static Map<String, Object> metrics(AccuracyMetrics metrics) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("count", metrics.count());
        values.put("mse", finite(metrics.mse()));
        values.put("rmse", finite(metrics.rmse()));
        values.put("mae", finite(metrics.mae()));
        values.put("r2", finite(metrics.r2()));
        values.put("mape", finite(metrics.mape()));
        values.put("mapeExcluded", metrics.mapeExcluded());
        values.put("smape", finite(metrics.smape()));
        values.put("wape", finite(metrics.wape()));
        values.put("mase", finite(metrics.mase()));
        values.put("bias", finite(metrics.bias()));
        values.put("coverage", finite(metrics.coverage()));
        values.put("meanIntervalWidth", finite(metrics.meanIntervalWidth()));
        return values;
    }

    /** JSON has no NaN: an undefined metric is written as null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    private static String csvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String cell = cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                line.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                line.append(cell);
            }
        }
        return line.append('\n').toString();
    }
}
