package com.trendcast.dataset.read.mapping;

import com.trendcast.dataset.read.Row;
import com.trendcast.dataset.read.value.DateFormatGuess;
import com.trendcast.dataset.read.value.NumberFormatGuess;
import com.trendcast.dataset.read.value.ValueFormatException;
import com.trendcast.dataset.read.value.ValueParsers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Proposes the dataset kind and a field-to-column mapping from header names (English and Chinese) and from
 * a sample of rows. Header names suggest, content confirms: a "date" column that holds no dates or a
 * "quantity" column that holds no numbers is not proposed.
 */
public final class ColumnMappingProposer {

    private static final double REQUIRED_MATCH_SHARE = 0.8;
    private static final int MIN_SESSION_FEATURES = 3;
    private static final int EXACT_MATCH = 1_000;
    private static final int PARTIAL_MATCH = 500;

    private record Candidate(LogicalField field, int column, int score) {
    }

    private record Column(String name, String key, List<String> values) {
    }

    /**
     * @param header column names as read
     * @param sample the first rows of the file (a few hundred are plenty)
     */
    public MappingProposal propose(List<String> header, List<Row> sample) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            List<String> values = new ArrayList<>(sample.size());
            for (Row row : sample) {
                values.add(row.value(i));
            }
            columns.add(new Column(header.get(i), HeaderNames.normalize(header.get(i)), values));
        }
        DatasetKind kind = decideKind(columns);
        Map<LogicalField, Integer> assigned = assign(kind, columns);
        if (kind == DatasetKind.SALES) {
            preferCategoryPath(assigned, columns);
        }
        return build(kind, assigned, columns, sample);
    }

    private DatasetKind decideKind(List<Column> columns) {
        Map<LogicalField, Integer> events = assign(DatasetKind.EVENTS, columns);
        if (events.containsKey(LogicalField.EVENT_TYPE)
                && (events.containsKey(LogicalField.USER_ID) || events.containsKey(LogicalField.SESSION_ID))) {
            return DatasetKind.EVENTS;
        }
        Map<LogicalField, Integer> sessions = assign(DatasetKind.SESSIONS, columns);
        Map<LogicalField, Integer> sales = assign(DatasetKind.SALES, columns);
        long numericFeatures = columns.stream().filter(column -> accepts(LogicalField.Content.NUMBER, column)).count();
        if (sessions.containsKey(LogicalField.LABEL) && !sales.containsKey(LogicalField.DATE)
                && numericFeatures >= MIN_SESSION_FEATURES) {
            return DatasetKind.SESSIONS;
        }
        return DatasetKind.SALES;
    }

    /** Best header matches first; each field and each column is used once. */
    private Map<LogicalField, Integer> assign(DatasetKind kind, List<Column> columns) {
        List<Candidate> candidates = new ArrayList<>();
        for (LogicalField field : LogicalField.values()) {
            if (field.kind() != kind) {
                continue;
            }
            for (int i = 0; i < columns.size(); i++) {
                int score = headerScore(field, columns.get(i).key());
                if (score > 0 && accepts(field.content(), columns.get(i))) {
                    candidates.add(new Candidate(field, i, score));
                }
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::score).reversed()
                .thenComparing(candidate -> candidate.field().ordinal())
                .thenComparingInt(Candidate::column));
        Map<LogicalField, Integer> assigned = new LinkedHashMap<>();
        Set<Integer> usedColumns = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (!assigned.containsKey(candidate.field()) && !usedColumns.contains(candidate.column())) {
                assigned.put(candidate.field(), candidate.column());
                usedColumns.add(candidate.column());
            }
        }
        LogicalField dateField = kind == DatasetKind.EVENTS ? LogicalField.TIMESTAMP : LogicalField.DATE;
        if (kind != DatasetKind.SESSIONS && !assigned.containsKey(dateField)) {
            for (int i = 0; i < columns.size(); i++) {
                if (!usedColumns.contains(i) && accepts(LogicalField.Content.DATE, columns.get(i))) {
                    assigned.put(dateField, i);
                    break;
                }
            }
        }
        return assigned;
    }

    private static int headerScore(LogicalField field, String key) {
        List<String> synonyms = field.synonyms();
        for (int i = 0; i < synonyms.size(); i++) {
            if (key.equals(synonyms.get(i))) {
                return EXACT_MATCH - i;
            }
        }
        for (int i = 0; i < synonyms.size(); i++) {
            String synonym = synonyms.get(i);
            if (distinctiveEnough(synonym) && key.contains(synonym)) {
                return PARTIAL_MATCH - i;
            }
        }
        return 0;
    }

    /** Short Latin synonyms ("qty", "day") would match inside unrelated words; two Chinese characters do not. */
    private static boolean distinctiveEnough(String synonym) {
        boolean chinese = synonym.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return chinese ? synonym.length() >= 2 : synonym.length() >= 4;
    }

    private static boolean accepts(LogicalField.Content content, Column column) {
        List<String> present = column.values().stream().filter(value -> !ValueParsers.isAbsent(value)).toList();
        if (present.isEmpty()) {
            return content == LogicalField.Content.TEXT;
        }
        return switch (content) {
            case TEXT -> true;
            case NUMBER -> {
                NumberFormatGuess format = ValueParsers.guessNumberFormat(present);
                yield share(present, value -> ValueParsers.isNumber(value, format)) >= REQUIRED_MATCH_SHARE;
            }
            case FLAG -> share(present, ColumnMappingProposer::isFlag) >= REQUIRED_MATCH_SHARE;
            case NUMBER_OR_FLAG -> share(present, value -> isFlag(value)
                    || ValueParsers.isNumber(value, NumberFormatGuess.DECIMAL_POINT)) >= REQUIRED_MATCH_SHARE;
            case DATE -> ValueParsers.guessDateFormat(present)
                    .map(guess -> share(present, value -> isDate(value, guess)) >= REQUIRED_MATCH_SHARE)
                    .orElse(false);
        };
    }

    private static double share(List<String> values, Predicate<String> test) {
        return values.stream().filter(test).count() / (double) values.size();
    }

    private static boolean isFlag(String value) {
        try {
            ValueParsers.parseFlag(value);
            return true;
        } catch (ValueFormatException e) {
            return false;
        }
    }

    private static boolean isDate(String value, DateFormatGuess guess) {
        try {
            ValueParsers.parseDateTime(value, guess);
            return true;
        } catch (ValueFormatException e) {
            return false;
        }
    }

    /** A "category" column holding "Home > Kitchen > Mugs" is a path to be split, not a top level. */
    private static void preferCategoryPath(Map<LogicalField, Integer> assigned, List<Column> columns) {
        Integer category = assigned.get(LogicalField.CATEGORY1);
        if (category == null || assigned.containsKey(LogicalField.CATEGORY_PATH)) {
            return;
        }
        List<String> present = columns.get(category).values().stream().filter(v -> !v.isBlank()).toList();
        if (!present.isEmpty() && share(present, CategoryPaths::looksLikePath) >= 0.5) {
            assigned.remove(LogicalField.CATEGORY1);
            assigned.put(LogicalField.CATEGORY_PATH, category);
        }
    }

    private static MappingProposal build(DatasetKind kind, Map<LogicalField, Integer> assigned, List<Column> columns,
                                         List<Row> sample) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, DateFormatGuess> dateFormats = new LinkedHashMap<>();
        Map<String, NumberFormatGuess> numberFormats = new LinkedHashMap<>();
        assigned.forEach((field, index) -> {
            Column column = columns.get(index);
            fields.put(field.key(), column.name());
            List<String> present = column.values().stream().filter(value -> !ValueParsers.isAbsent(value)).toList();
            if (field.content() == LogicalField.Content.DATE) {
                ValueParsers.guessDateFormat(present).ifPresent(guess -> dateFormats.put(column.name(), guess));
            } else if (field.content() == LogicalField.Content.NUMBER
                    || field.content() == LogicalField.Content.NUMBER_OR_FLAG) {
                numberFormats.put(column.name(), ValueParsers.guessNumberFormat(present));
            }
        });
        List<String> unmapped = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!assigned.containsValue(i)) {
                unmapped.add(columns.get(i).name());
            }
        }
        List<String> features = List.of();
        if (kind == DatasetKind.SESSIONS) {
            features = unmapped;
            unmapped = List.of();
        }
        ReturnsSignal returns = ReturnsSignal.NONE;
        if (kind == DatasetKind.SALES) {
            Integer units = assigned.get(LogicalField.UNITS);
            Integer orderId = assigned.get(LogicalField.ORDER_ID);
            NumberFormatGuess unitsFormat = Optional.ofNullable(units)
                    .map(index -> numberFormats.get(columns.get(index).name()))
                    .orElse(NumberFormatGuess.DECIMAL_POINT);
            ReturnsDetector detector = new ReturnsDetector(units == null ? -1 : units,
                    orderId == null ? -1 : orderId, unitsFormat);
            sample.forEach(detector::accept);
            returns = detector.result();
        }
        return new MappingProposal(new ColumnMapping(kind, fields, features, dateFormats, numberFormats),
                returns, unmapped);
    }
}
