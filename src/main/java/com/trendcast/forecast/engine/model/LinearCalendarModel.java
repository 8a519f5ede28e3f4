package com.trendcast.forecast.engine.model;

import com.trendcast.forecast.engine.Covariate;
import com.trendcast.forecast.engine.FittedModel;
import com.trendcast.forecast.engine.ForecastModel;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.calendar.CalendarFeatures;
import com.trendcast.forecast.engine.calendar.HolidayCalendar;
import com.trendcast.forecast.engine.math.RidgeRegression;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ridge regression of the series on a linear trend, calendar seasonality, optional holiday flags and the
 * known-in-advance covariates. Seasonality is day-of-week dummies plus yearly Fourier terms for daily data,
 * yearly Fourier terms for weekly data and month dummies for monthly data; yearly terms need a year of history.
 * <p>
 * Features are standardised on the history so one penalty scale fits every series. The penalty is given
 * relative to the number of observations ({@code λ = penalty · n}); by default it is chosen among a few values
 * by fitting on the first part of the history and scoring the most recent part, which respects time order.
 */
public final class LinearCalendarModel implements ForecastModel {

    private static final double[] CANDIDATE_PENALTIES = {1e-4, 1e-3, 1e-2, 1e-1, 1};
    /** Share of the history held out to choose the penalty, bounded so short series keep enough to fit. */
    private static final double VALIDATION_SHARE = 0.2;
    private static final int MIN_ROWS_PER_COLUMN = 2;
    private static final double FALLBACK_PENALTY = 0.1;
    private static final int DAILY_YEARLY_HARMONICS = 3;
    private static final int WEEKLY_YEARLY_HARMONICS = 4;
    private static final double DAYS_PER_YEAR = 365.2425;

    private final HolidayCalendar holidays;
    /** NaN when the penalty is chosen by validation. */
    private final double penalty;

    private LinearCalendarModel(HolidayCalendar holidays, double penalty) {
        this.holidays = holidays;
        this.penalty = penalty;
    }

    /** Trend and seasonality only, penalty chosen by validation. */
    public static LinearCalendarModel create() {
        return new LinearCalendarModel(null, Double.NaN);
    }

    /** A copy that also uses the events of {@code calendar} as features. */
    public LinearCalendarModel withHolidays(HolidayCalendar calendar) {
        return new LinearCalendarModel(calendar, penalty);
    }

    /** A copy with a fixed relative penalty instead of validation. */
    public LinearCalendarModel withPenalty(double relativePenalty) {
        if (!(relativePenalty >= 0)) {
            throw new IllegalArgumentException("Penalty must be non-negative: " + relativePenalty);
        }
        return new LinearCalendarModel(holidays, relativePenalty);
    }

    @Override
    public String name() {
        return holidays == null ? "linear-calendar" : "linear-calendar+" + holidays.name();
    }

    @Override
    public FittedModel fit(TimeSeries history) {
        ModelSupport.requireNonEmpty(history);
        int n = history.length();
        List<Covariate> covariates = history.covariates().values().stream()
                .filter(Covariate::knownInAdvance).toList();
        boolean yearOfHistory = n * daysPerPeriod(history.frequency()) >= DAYS_PER_YEAR;
        FeatureLayout layout = new FeatureLayout(history.frequency(), yearOfHistory, covariates);
        double[][] design = new double[n][];
        for (int t = 0; t < n; t++) {
            design[t] = layout.row(history.dateAt(t), t, n, covariateValues(covariates, t));
        }
        double[] target = history.values();
        Standardizer standardizer = Standardizer.of(design);
        standardizer.applyAll(design);
        boolean[] penalised = layout.penalised();
        double chosenPenalty = Double.isNaN(penalty) ? choosePenalty(design, target, penalised) : penalty;
        double[] coefficients = RidgeRegression.of(design, target, 0, n).solve(chosenPenalty * n, penalised);
        double fallback = target[n - 1];
        LocalDate start = history.start();
        Frequency frequency = history.frequency();
        List<String> covariateNames = covariates.stream().map(Covariate::name).toList();
        return (horizon, futureCovariates) -> {
            ModelSupport.requireNonNegativeHorizon(horizon);
            double[][] future = futureColumns(covariateNames, futureCovariates, horizon);
            double[] forecast = new double[horizon];
            double[] values = new double[covariateNames.size()];
            for (int step = 0; step < horizon; step++) {
                for (int c = 0; c < values.length; c++) {
                    values[c] = future[c][step];
                }
                double[] row = layout.row(frequency.plus(start, n + step), n + step, n, values);
                standardizer.apply(row);
                forecast[step] = RidgeRegression.predict(row, coefficients);
            }
            return ModelSupport.finiteOr(forecast, fallback);
        };
    }

    private static double choosePenalty(double[][] design, double[] target, boolean[] penalised) {
        int n = design.length;
        int validation = (int) Math.round(n * VALIDATION_SHARE);
        int training = n - validation;
        if (validation < 1 || training < MIN_ROWS_PER_COLUMN * penalised.length) {
            return FALLBACK_PENALTY;
        }
        RidgeRegression equations = RidgeRegression.of(design, target, 0, training);
        double best = FALLBACK_PENALTY;
        double bestError = Double.POSITIVE_INFINITY;
        for (double candidate : CANDIDATE_PENALTIES) {
            double[] coefficients = equations.solve(candidate * training, penalised);
            double squaredError = 0;
            for (int t = training; t < n; t++) {
                double error = target[t] - RidgeRegression.predict(design[t], coefficients);
                squaredError += error * error;
            }
            if (squaredError < bestError) {
                bestError = squaredError;
                best = candidate;
            }
        }
        return best;
    }

    private static double[] covariateValues(List<Covariate> covariates, int t) {
        double[] values = new double[covariates.size()];
        for (int c = 0; c < values.length; c++) {
            values[c] = covariates.get(c).valueAt(t);
        }
        return values;
    }

    private static double[][] futureColumns(List<String> names, Map<String, double[]> futureCovariates,
                                            int horizon) {
        double[][] columns = new double[names.size()][];
        for (int c = 0; c < columns.length; c++) {
            String name = names.get(c);
            double[] values = Optional.ofNullable(futureCovariates.get(name)).orElseThrow(() ->
                    new IllegalArgumentException("Future values of covariate " + name + " are required"));
            if (values.length < horizon) {
                throw new IllegalArgumentException("Covariate " + name + " has " + values.length
                        + " future values for a horizon of " + horizon);
            }
            columns[c] = values;
        }
        return columns;
    }

    private static double daysPerPeriod(Frequency frequency) {
        return switch (frequency) {
            case DAY -> 1;
            case WEEK -> 7;
            case MONTH -> DAYS_PER_YEAR / 12;
        };
    }

    /** Column layout: intercept, trend, seasonal terms, holiday event days, covariates. */
    private final class FeatureLayout {
        private final Frequency frequency;
        private final boolean yearly;
        private final int columns;

        FeatureLayout(Frequency frequency, boolean yearly, List<Covariate> covariates) {
            this.frequency = frequency;
            this.yearly = yearly;
            this.columns = 2 + seasonalColumns() + (holidays == null ? 0 : holidays.eventNames().size())
                    + covariates.size();
        }

        private int seasonalColumns() {
            return switch (frequency) {
                case DAY -> 6 + (yearly ? 2 * DAILY_YEARLY_HARMONICS : 0);
                case WEEK -> yearly ? 2 * WEEKLY_YEARLY_HARMONICS : 0;
                case MONTH -> 11;
            };
        }

        boolean[] penalised() {
            boolean[] penalised = new boolean[columns];
            Arrays.fill(penalised, 1, columns, true);
            return penalised;
        }

        double[] row(LocalDate date, int t, int historyLength, double[] covariateValues) {
            double[] row = new double[columns];
            row[0] = 1;
            row[1] = (double) t / historyLength;
            int next = 2;
            switch (frequency) {
                case DAY -> {
                    int dayOfWeek = date.getDayOfWeek().getValue();
                    if (dayOfWeek != DayOfWeek.MONDAY.getValue()) {
                        row[next + dayOfWeek - 2] = 1;
                    }
                    next += 6;
                    if (yearly) {
                        CalendarFeatures.fourier(CalendarFeatures.yearsSinceEpoch(date), 1,
                                DAILY_YEARLY_HARMONICS, row, next);
                        next += 2 * DAILY_YEARLY_HARMONICS;
                    }
                }
                case WEEK -> {
                    if (yearly) {
                        CalendarFeatures.fourier(CalendarFeatures.yearsSinceEpoch(date), 1,
                                WEEKLY_YEARLY_HARMONICS, row, next);
                        next += 2 * WEEKLY_YEARLY_HARMONICS;
                    }
                }
                case MONTH -> {
                    int month = date.getMonthValue();
                    if (month != 1) {
                        row[next + month - 2] = 1;
                    }
                    next += 11;
                }
            }
            if (holidays != null) {
                double[] events = holidays.eventDays(date, frequency);
                System.arraycopy(events, 0, row, next, events.length);
                next += events.length;
            }
            System.arraycopy(covariateValues, 0, row, next, covariateValues.length);
            return row;
        }
    }

    /** Centres and scales every column but the intercept using statistics of the history. */
    private record Standardizer(double[] mean, double[] scale) {

        static Standardizer of(double[][] design) {
            int columns = design[0].length;
            double[] mean = new double[columns];
            double[] scale = new double[columns];
            for (double[] row : design) {
                for (int c = 1; c < columns; c++) {
                    mean[c] += row[c];
                }
            }
            for (int c = 1; c < columns; c++) {
                mean[c] /= design.length;
            }
            for (double[] row : design) {
                for (int c = 1; c < columns; c++) {
                    double deviation = row[c] - mean[c];
                    scale[c] += deviation * deviation;
                }
            }
            scale[0] = 1;
            for (int c = 1; c < columns; c++) {
                double sd = Math.sqrt(scale[c] / design.length);
                // A constant column (e.g. a weekday never seen) carries no information; centring zeroes it.
                scale[c] = sd > 0 ? sd : 1;
            }
            return new Standardizer(mean, scale);
        }

        void apply(double[] row) {
            for (int c = 1; c < row.length; c++) {
                row[c] = (row[c] - mean[c]) / scale[c];
            }
        }

        void applyAll(double[][] design) {
            for (double[] row : design) {
                apply(row);
            }
        }
    }
}
