package com.trendcast.pipeline.spec;

import com.trendcast.forecast.engine.Covariate;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.calendar.CalendarFeatures;
import com.trendcast.forecast.engine.calendar.HolidayCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns regularised series into a pipeline's treated targets and feature rows. Missing periods are filled when
 * the series are regularised (with the spec's {@link Treatment#missing()} method); this class cuts each series to
 * the history window, clips outliers, scales it and derives the features from the treated values.
 *
 * <p>Lags and rolling windows only look at earlier periods: the window of period {@code t} covers
 * {@code t-w .. t-1}, so no row ever sees its own target.
 */
public final class FeatureBuilder {

    private static final List<CalendarFeature> ORDINALS =
            List.of(CalendarFeature.DAY_OF_WEEK, CalendarFeature.WEEK_OF_YEAR, CalendarFeature.MONTH);

    private final PipelineSpec spec;
    private final List<String> columns;

    public FeatureBuilder(PipelineSpec spec) {
        this.spec = spec.validated();
        this.columns = List.copyOf(columnNames(spec));
    }

    /** Feature column names in the order of {@link FeatureRow#values()}. */
    public List<String> columns() {
        return columns;
    }

    public FeatureSet build(List<TimeSeries> series) {
        List<TreatedSeries> treated = new ArrayList<>(series.size());
        List<FeatureRow> rows = new ArrayList<>();
        for (TimeSeries one : series) {
            TreatedSeries result = treat(one);
            treated.add(result);
            rows.addAll(rows(result.treated()));
        }
        return new FeatureSet(columns, treated, rows);
    }

    /** Cuts one series to the history window, clips and scales it. */
    public TreatedSeries treat(TimeSeries series) {
        int from = Math.max(0, series.length() - spec.historyWindow());
        TimeSeries raw = series.slice(from, series.length());
        double[] values = raw.values();
        ClipBounds clipping = ClipBounds.clip(values, spec.treatment().outliers());
        ScalingParameters scaling = ScalingParameters.fit(spec.treatment().scaling(), values,
                String.join(" / ", raw.key()));
        TimeSeries treated = new TimeSeries(raw.key(), raw.start(), raw.frequency(), scaling.transform(values),
                raw.covariates());
        return new TreatedSeries(raw, treated, clipping, scaling);
    }

    private List<FeatureRow> rows(TimeSeries series) {
        double[] target = series.values();
        FeatureSelection features = spec.features();
        List<HolidayCalendar> calendars = features.holidays().stream().sorted().map(HolidayRegion::calendar).toList();
        List<Covariate> covariates = new ArrayList<>();
        for (CovariateChoice choice : features.covariates()) {
            Covariate covariate = series.covariates().get(choice.source().column());
            if (covariate == null) {
                throw new IllegalArgumentException("Series " + series.key() + " lacks the covariate "
                        + choice.source().column());
            }
            covariates.add(covariate);
        }
        List<FeatureRow> rows = new ArrayList<>(target.length);
        for (int t = 0; t < target.length; t++) {
            double[] values = new double[columns.size()];
            int column = 0;
            for (int lag : features.lags()) {
                values[column++] = t >= lag ? target[t - lag] : Double.NaN;
            }
            for (int window : features.rollingMeanWindows()) {
                values[column++] = t >= window ? Statistics.mean(target, t - window, t) : Double.NaN;
            }
            for (int window : features.rollingStdWindows()) {
                values[column++] = t >= window ? Statistics.sampleStd(target, t - window, t) : Double.NaN;
            }
            LocalDate date = series.dateAt(t);
            column = calendar(date, values, column);
            for (HolidayCalendar calendar : calendars) {
                double[] days = calendar.eventDays(date, series.frequency());
                System.arraycopy(days, 0, values, column, days.length);
                column += days.length;
            }
            for (Covariate covariate : covariates) {
                values[column++] = covariate.valueAt(t);
            }
            rows.add(new FeatureRow(series.key(), date, target[t], values));
        }
        return rows;
    }

    private int calendar(LocalDate date, double[] values, int column) {
        CalendarFeatures position = CalendarFeatures.of(date);
        boolean cyclic = spec.features().calendar().contains(CalendarFeature.CYCLIC);
        for (CalendarFeature ordinal : ORDINALS) {
            if (!spec.features().calendar().contains(ordinal)) {
                continue;
            }
            switch (ordinal) {
                case DAY_OF_WEEK -> {
                    values[column++] = position.dayOfWeek();
                    if (cyclic) {
                        values[column++] = position.dayOfWeekSin();
                        values[column++] = position.dayOfWeekCos();
                    }
                }
                case WEEK_OF_YEAR -> {
                    values[column++] = position.weekOfYear();
                    if (cyclic) {
                        values[column++] = position.weekOfYearSin();
                        values[column++] = position.weekOfYearCos();
                    }
                }
                default -> {
                    values[column++] = position.month();
                    if (cyclic) {
                        values[column++] = position.monthSin();
                        values[column++] = position.monthCos();
                    }
                }
            }
        }
        return column;
    }

    private static List<String> columnNames(PipelineSpec spec) {
        FeatureSelection features = spec.features();
        List<String> names = new ArrayList<>();
        features.lags().forEach(lag -> names.add("lag_" + lag));
        features.rollingMeanWindows().forEach(window -> names.add("roll_mean_" + window));
        features.rollingStdWindows().forEach(window -> names.add("roll_std_" + window));
        boolean cyclic = features.calendar().contains(CalendarFeature.CYCLIC);
        for (CalendarFeature ordinal : ORDINALS) {
            if (features.calendar().contains(ordinal)) {
                String name = switch (ordinal) {
                    case DAY_OF_WEEK -> "dow";
                    case WEEK_OF_YEAR -> "woy";
                    default -> "month";
                };
                names.add(name);
                if (cyclic) {
                    names.addAll(Arrays.asList(name + "_sin", name + "_cos"));
                }
            }
        }
        features.holidays().stream().sorted().forEach(region -> region.calendar().eventNames().forEach(event ->
                names.add(region.name().toLowerCase(Locale.ROOT) + "_" + event.toLowerCase(Locale.ROOT))));
        features.covariates().forEach(choice -> names.add(choice.source().column()));
        return names;
    }
}
