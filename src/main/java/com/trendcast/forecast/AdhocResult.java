package com.trendcast.forecast;

import com.trendcast.forecast.engine.Forecast;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.eval.AccuracyMetrics;

import java.time.Duration;
import java.util.List;

/**
 * An ad-hoc forecast: every series' history and forecast, the model that made them and how the backtested models
 * scored.
 *
 * @param fileName          the uploaded file's name
 * @param targetColumn      the forecast column
 * @param seriesColumns     the columns that identify a series
 * @param frequency         the periods' frequency
 * @param series            per series, its history and forecast, in file order
 * @param model             the model that made the forecasts (for {@code auto} the one it chose)
 * @param accuracy          every backtested model's pooled metrics, best WAPE first
 * @param folds             rolling-origin folds of the backtest
 * @param intervalLevel     nominal coverage of the intervals
 * @param intervalCoverage  the chosen model's interval coverage measured on the backtest (cross-conformal)
 * @param skippedCandidates candidates {@code auto} left out for the panel's size
 * @param elapsed           time from reading the file to the finished forecast
 */
public record AdhocResult(String fileName, String targetColumn, List<String> seriesColumns, Frequency frequency,
                          List<SeriesForecast> series, String model, List<ModelAccuracy> accuracy, int folds,
                          double intervalLevel, double intervalCoverage, List<String> skippedCandidates,
                          Duration elapsed) {

    public AdhocResult {
        seriesColumns = List.copyOf(seriesColumns);
        series = List.copyOf(series);
        accuracy = List.copyOf(accuracy);
        skippedCandidates = List.copyOf(skippedCandidates);
    }

    /** One series: what the file held (gap-filled) and what follows. */
    public record SeriesForecast(TimeSeries history, Forecast forecast) {

        /** The series' key values joined for display, or an empty string for the single series of a file. */
        public String label() {
            return String.join(" · ", history.key());
        }
    }

    /**
     * Backtest accuracy of one model.
     *
     * @param model    its name
     * @param chosen   whether it made the forecasts
     * @param baseline whether it is one of the per-series baselines
     * @param metrics  pooled over series, folds and steps
     */
    public record ModelAccuracy(String model, boolean chosen, boolean baseline, AccuracyMetrics metrics) {
    }

    /** The accuracy row of the model that made the forecasts. */
    public ModelAccuracy chosenAccuracy() {
        return accuracy.stream().filter(ModelAccuracy::chosen).findFirst().orElseThrow();
    }
}
