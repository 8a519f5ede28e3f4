package com.trendcast.forecast;

import com.trendcast.common.UserFacingException;
import com.trendcast.dataset.read.Row;
import com.trendcast.dataset.read.RowReader;
import com.trendcast.dataset.read.TabularSource;
import com.trendcast.dataset.read.UnreadableFileException;
import com.trendcast.dataset.read.value.DateFormatGuess;
import com.trendcast.dataset.read.value.NumberFormatGuess;
import com.trendcast.dataset.read.value.ValueFormatException;
import com.trendcast.dataset.read.value.ValueParsers;
import com.trendcast.forecast.engine.Covariate;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.GapFilling;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.global.OpenIndicators;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a history file (and optionally a future file) into a {@link Panel} through the ingestion reading core,
 * so every format and encoding the importer accepts works here too. Rows of one series and period are summed;
 * periods without rows are zero sales with covariates 0 (nothing recorded, e.g. a closed store). Every series
 * runs to the file's last period: a series whose rows stop earlier (a sparse department without sales in the last
 * weeks, a discontinued item) sold nothing since, and its forecast starts where every other series' does, on the
 * dates a future file and a scorer's held-out period hold. Future periods without a row take the covariate's most
 * common value in that series' history.
 */
public final class PanelReader {

    private static final int DAYS_PER_WEEK = 7;
    private static final int MIN_DAYS_PER_MONTH = 28;

    private PanelReader() {
    }

    /**
     * Reads the panel a request describes.
     *
     * @throws UserFacingException for a missing or unreadable file, an unknown column, values that cannot be
     *                             read, or a history too short for the horizon
     */
    public static Panel read(ForecastRequest request) {
        return read(request, request.input().toString());
    }

    /**
     * Reads the panel a request describes, naming the history file {@code inputName} in messages (e.g. the name
     * an uploaded file had on the user's computer rather than where it lies on the server).
     *
     * @throws UserFacingException as {@link #read(ForecastRequest)}
     */
    public static Panel read(ForecastRequest request, String inputName) {
        if (request.horizon() < 1) {
            throw new UserFacingException("forecast.horizon.invalid", request.horizon());
        }
        List<String> keyAndCovariates = new ArrayList<>(request.seriesColumns());
        keyAndCovariates.addAll(request.covariateColumns());
        List<String> historyColumns = new ArrayList<>(List.of(request.dateColumn(), request.targetColumn()));
        historyColumns.addAll(keyAndCovariates);
        Table history = Table.load(request.input(), inputName, historyColumns);
        DateFormatGuess dateFormat = dateFormat(history, 0, null);
        NumberFormatGuess targetFormat = ValueParsers.guessNumberFormat(history.sample(1));
        List<LocalDate> dates = new ArrayList<>(history.size());
        double[] targets = new double[history.size()];
        for (int row = 0; row < history.size(); row++) {
            dates.add(history.date(row, 0, dateFormat));
            String raw = history.value(row, 1);
            try {
                targets[row] = ValueParsers.isAbsent(raw) ? Double.NaN
                        : ValueParsers.parseNumber(raw, targetFormat).doubleValue();
            } catch (ValueFormatException e) {
                throw new UserFacingException("forecast.target.notNumeric", request.targetColumn(),
                        history.rowNumber(row), raw);
            }
        }
        Frequency frequency = request.frequency() != null ? request.frequency() : inferFrequency(dates);
        int keyWidth = request.seriesColumns().size();
        List<CovariateEncoding> encodings = new ArrayList<>();
        for (int c = 0; c < request.covariateColumns().size(); c++) {
            encodings.add(CovariateEncoding.learn(request.covariateColumns().get(c), history.column(2 + keyWidth + c)));
        }
        boolean known = request.future() != null;

        Map<List<String>, List<Integer>> rowsBySeries = new LinkedHashMap<>();
        for (int row = 0; row < history.size(); row++) {
            rowsBySeries.computeIfAbsent(history.key(row, 2, keyWidth), key -> new ArrayList<>()).add(row);
        }
        LocalDate panelEnd = dates.stream().max(LocalDate::compareTo).orElseThrow(
                () -> new UserFacingException("forecast.history.tooShort", request.horizon() + 2, frequency));
        List<TimeSeries> series = new ArrayList<>();
        for (Map.Entry<List<String>, List<Integer>> entry : rowsBySeries.entrySet()) {
            LocalDate first = entry.getValue().stream().map(dates::get).min(LocalDate::compareTo).orElseThrow();
            Map<LocalDate, Double> observations = new HashMap<>();
            for (int row : entry.getValue()) {
                double value = Double.isNaN(targets[row]) ? 0 : targets[row];
                observations.merge(onGrid(frequency, first, dates.get(row)), value, Double::sum);
            }
            observations.putIfAbsent(onGrid(frequency, first, panelEnd), 0.0);
            TimeSeries regular = GapFilling.regularize(entry.getKey(), frequency, observations,
                    GapFilling.Method.ZERO);
            for (Covariate covariate : covariates(history, entry.getValue(), dates, regular, encodings,
                    2 + keyWidth, known)) {
                regular = regular.withCovariate(covariate);
            }
            series.add(regular);
        }
        if (series.stream().noneMatch(one -> one.length() >= request.horizon() + 2)) {
            throw new UserFacingException("forecast.history.tooShort", request.horizon() + 2, frequency);
        }
        List<Map<String, double[]>> future = known
                ? futureCovariates(request, series, encodings, keyWidth, dateFormat)
                : series.stream().map(one -> Map.<String, double[]>of()).toList();
        return new Panel(request.seriesColumns(), series, future, OpenIndicators.detect(series));
    }

    /**
     * The date of the period {@code date} falls in on the grid starting at {@code first}: weeks run from the
     * series' first date, so daily rows read with {@code --freq week} add up into weeks.
     */
    private static LocalDate onGrid(Frequency frequency, LocalDate first, LocalDate date) {
        if (frequency != Frequency.WEEK) {
            return date;
        }
        return first.plusWeeks(Math.floorDiv(ChronoUnit.DAYS.between(first, date), DAYS_PER_WEEK));
    }

    private static List<Covariate> covariates(Table table, List<Integer> rows, List<LocalDate> dates,
                                              TimeSeries series, List<CovariateEncoding> encodings, int firstColumn,
                                              boolean known) {
        List<Covariate> covariates = new ArrayList<>();
        for (int c = 0; c < encodings.size(); c++) {
            CovariateEncoding encoding = encodings.get(c);
            List<String> names = encoding.names();
            double[][] values = new double[names.size()][series.length()];
            boolean[][] seen = new boolean[names.size()][series.length()];
            for (int row : rows) {
                int period = (int) series.frequency().indexOf(series.start(),
                        onGrid(series.frequency(), series.start(), dates.get(row)));
                double[] encoded = encode(table, row, firstColumn + c, encoding);
                for (int k = 0; k < encoded.length; k++) {
                    values[k][period] = seen[k][period] ? Math.max(values[k][period], encoded[k]) : encoded[k];
                    seen[k][period] = true;
                }
            }
            for (int k = 0; k < names.size(); k++) {
                covariates.add(new Covariate(names.get(k), values[k], known));
            }
        }
        return covariates;
    }

    private static double[] encode(Table table, int row, int column, CovariateEncoding encoding) {
        String raw = table.value(row, column);
        try {
            return encoding.encode(raw);
        } catch (ValueFormatException e) {
            throw new UserFacingException("forecast.covariate.invalid", table.columnName(column),
                    table.rowNumber(row), raw);
        }
    }

    private static List<Map<String, double[]>> futureCovariates(ForecastRequest request, List<TimeSeries> series,
                                                                List<CovariateEncoding> encodings, int keyWidth,
                                                                DateFormatGuess historyDateFormat) {
        List<String> columns = new ArrayList<>(List.of(request.dateColumn()));
        columns.addAll(request.seriesColumns());
        columns.addAll(request.covariateColumns());
        Table table = Table.load(request.future(), request.future().toString(), columns);
        DateFormatGuess dateFormat = dateFormat(table, 0, historyDateFormat);
        Map<List<String>, List<Integer>> rowsBySeries = new HashMap<>();
        for (int row = 0; row < table.size(); row++) {
            rowsBySeries.computeIfAbsent(table.key(row, 1, keyWidth), key -> new ArrayList<>()).add(row);
        }
        List<Map<String, double[]>> future = new ArrayList<>();
        int horizon = request.horizon();
        for (TimeSeries one : series) {
            Map<String, double[]> values = new LinkedHashMap<>();
            Map<String, boolean[]> seen = new HashMap<>();
            for (CovariateEncoding encoding : encodings) {
                for (String name : encoding.names()) {
                    values.put(name, new double[horizon]);
                    seen.put(name, new boolean[horizon]);
                }
            }
            for (int row : rowsBySeries.getOrDefault(one.key(), List.of())) {
                LocalDate date = table.date(row, 0, dateFormat);
                long step = one.frequency().indexOf(one.start(), onGrid(one.frequency(), one.start(), date))
                        - one.length();
                if (step < 0 || step >= horizon) {
                    continue;
                }
                for (int c = 0; c < encodings.size(); c++) {
                    double[] encoded = encode(table, row, 1 + keyWidth + c, encodings.get(c));
                    List<String> names = encodings.get(c).names();
                    for (int k = 0; k < names.size(); k++) {
                        values.get(names.get(k))[(int) step] = encoded[k];
                        seen.get(names.get(k))[(int) step] = true;
                    }
                }
            }
            values.forEach((name, array) -> {
                double usual = mostCommon(one.covariates().get(name).values());
                boolean[] present = seen.get(name);
                for (int step = 0; step < horizon; step++) {
                    if (!present[step]) {
                        array[step] = usual;
                    }
                }
            });
            future.add(values);
        }
        return future;
    }

    private static double mostCommon(double[] values) {
        Map<Double, Integer> counts = new HashMap<>();
        for (double value : values) {
            counts.merge(value, 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0.0);
    }

    private static DateFormatGuess dateFormat(Table table, int column, DateFormatGuess fallback) {
        Set<String> distinct = new TreeSet<>(table.column(column));
        DateFormatGuess guess = ValueParsers.guessDateFormat(distinct).orElse(null);
        if (guess == null || (guess.ambiguous() && fallback != null)) {
            if (fallback != null) {
                return fallback;
            }
            throw new UserFacingException("forecast.date.unreadable", table.columnName(column), table.file());
        }
        return guess;
    }

    /** Median gap between consecutive distinct dates: up to a day is daily, up to a week weekly, else monthly. */
    static Frequency inferFrequency(List<LocalDate> dates) {
        long[] distinct = dates.stream().mapToLong(LocalDate::toEpochDay).distinct().sorted().toArray();
        if (distinct.length < 2) {
            return Frequency.DAY;
        }
        long[] gaps = new long[distinct.length - 1];
        for (int i = 1; i < distinct.length; i++) {
            gaps[i - 1] = distinct[i] - distinct[i - 1];
        }
        Arrays.sort(gaps);
        long median = gaps[gaps.length / 2];
        if (median < DAYS_PER_WEEK) {
            return Frequency.DAY;
        }
        return median < MIN_DAYS_PER_MONTH ? Frequency.WEEK : Frequency.MONTH;
    }

    /** The needed columns of a file, held as text with their source row numbers. */
    private static final class Table {

        private final String file;
        private final List<String> columnNames;
        private final List<String[]> rows = new ArrayList<>();
        private final List<Long> rowNumbers = new ArrayList<>();
        private final Map<String, LocalDate> parsedDates = new HashMap<>();

        private Table(String file, List<String> columnNames) {
            this.file = file;
            this.columnNames = columnNames;
        }

        static Table load(Path file, String name, List<String> columns) {
            Table table = new Table(name, columns);
            try (RowReader reader = TabularSource.open(file).openRows()) {
                List<String> header = reader.header();
                int[] indexes = new int[columns.size()];
                for (int c = 0; c < columns.size(); c++) {
                    indexes[c] = columnIndex(header, columns.get(c), name);
                }
                while (reader.hasNext()) {
                    Row row = reader.next();
                    String[] values = new String[indexes.length];
                    for (int c = 0; c < indexes.length; c++) {
                        values[c] = row.value(indexes[c]);
                    }
                    table.rows.add(values);
                    table.rowNumbers.add(row.number());
                }
            } catch (UnreadableFileException e) {
                throw new UserFacingException(e, "forecast.file.unreadable", name, e.reason());
            }
            return table;
        }

        private static int columnIndex(List<String> header, String column, String file) {
            int exact = header.indexOf(column);
            if (exact >= 0) {
                return exact;
            }
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equalsIgnoreCase(column.strip())) {
                    return i;
                }
            }
            throw new UserFacingException("forecast.column.unknown", column, file, String.join(", ", header));
        }

        int size() {
            return rows.size();
        }

        String file() {
            return file;
        }

        String columnName(int column) {
            return columnNames.get(column);
        }

        long rowNumber(int row) {
            return rowNumbers.get(row);
        }

        String value(int row, int column) {
            return rows.get(row)[column];
        }

        List<String> column(int column) {
            return rows.stream().map(values -> values[column]).toList();
        }

        List<String> sample(int column) {
            return rows.stream().limit(5_000).map(values -> values[column]).toList();
        }

        List<String> key(int row, int firstColumn, int width) {
            return Arrays.stream(rows.get(row), firstColumn, firstColumn + width).map(String::strip).toList();
        }

        /** The date in a cell. A panel repeats each date once per series, so each distinct text is parsed once. */
        LocalDate date(int row, int column, DateFormatGuess format) {
            String raw = value(row, column);
            LocalDate date = parsedDates.get(raw);
            if (date == null) {
                date = parseDate(row, column, raw, format);
                parsedDates.put(raw, date);
            }
            return date;
        }

        private LocalDate parseDate(int row, int column, String raw, DateFormatGuess format) {
            LocalDate date;
            try {
                date = ValueParsers.parseDate(raw, format);
            } catch (ValueFormatException e) {
                date = null;
            }
            if (date == null) {
                throw new UserFacingException("forecast.date.invalid", columnName(column), rowNumber(row), raw, file);
            }
            return date;
        }
    }
}
