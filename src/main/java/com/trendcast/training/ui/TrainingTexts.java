package com.trendcast.training.ui;

import com.trendcast.training.EpochLoss;
import com.trendcast.ui.Formats;
import com.trendcast.ui.chart.AxisType;
import com.trendcast.ui.chart.ChartOptions;
import com.trendcast.ui.chart.DataPoint;
import com.trendcast.ui.chart.Series;
import com.vaadin.flow.component.Component;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Formats and charts the runs list and the run page share. */
final class TrainingTexts {

    /** Metric columns of a comparison, in the order the issue asks: WAPE first (the key metric). */
    static final List<String> METRICS = List.of("wape", "mae", "rmse", "r2", "mase", "smape", "mape", "bias",
            "coverage", "meanIntervalWidth");
    private static final List<String> PERCENT_METRICS = List.of("wape", "smape", "mape", "coverage");

    private TrainingTexts() {
    }

    /** A metric value as a percent or a number, or a dash where it is undefined. */
    static String metric(Locale locale, String metric, Object value) {
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            return "–";
        }
        if (PERCENT_METRICS.contains(metric)) {
            return percent(locale, number.doubleValue());
        }
        return Formats.number(locale, number.doubleValue());
    }

    static String metric(Locale locale, Map<String, Object> metrics, String metric) {
        return metric(locale, metric, metrics == null ? null : metrics.get(metric));
    }

    static String percent(Locale locale, double fraction) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(fraction);
    }

    /** "1:02:03" or "2:03"; empty for none. */
    static String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = duration.toSeconds();
        long hours = seconds / 3600;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    /**
     * Training and validation loss per epoch on a numeric epoch axis, one pair of lines per labelled run; epochs
     * without a validation loss (too little data for a split) are left out rather than drawn as zero.
     */
    static ChartOptions lossChart(Component view, Locale locale, Map<String, List<EpochLoss>> lossesByRun) {
        List<Series> series = new ArrayList<>();
        boolean several = lossesByRun.size() > 1;
        lossesByRun.forEach((label, losses) -> {
            String train = view.getTranslation("training.chart.loss.train");
            String validation = view.getTranslation("training.chart.loss.validation");
            series.add(Series.points(several ? label + " · " + train : train, points(losses, EpochLoss::trainLoss)));
            List<DataPoint> validationPoints = points(losses, EpochLoss::validationLoss);
            if (!validationPoints.isEmpty() || !several) {
                series.add(Series.points(several ? label + " · " + validation : validation, validationPoints));
            }
        });
        return ChartOptions.line(series.toArray(Series[]::new))
                .title(view.getTranslation("training.chart.loss.title"))
                .xAxisType(AxisType.NUMERIC)
                .xAxisTitle(view.getTranslation("training.chart.loss.epoch"))
                .yAxisTitle(view.getTranslation("training.chart.loss.axis"))
                .noDataText(view.getTranslation("training.chart.loss.none"))
                .markerSize(3)
                .animations(false)
                .locale(locale);
    }

    /** Numeric x values: ApexCharts reads a {@link DataPoint#at} x as a plain number on a numeric axis. */
    private static List<DataPoint> points(List<EpochLoss> losses, ToDoubleFunction<EpochLoss> value) {
        List<DataPoint> points = new ArrayList<>();
        for (EpochLoss loss : losses) {
            double y = value.applyAsDouble(loss);
            if (Double.isFinite(y)) {
                points.add(DataPoint.at(loss.epoch(), y));
            }
        }
        return points;
    }
}
