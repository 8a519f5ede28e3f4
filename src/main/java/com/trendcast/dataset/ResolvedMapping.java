package com.trendcast.dataset;

import com.trendcast.common.UserFacingException;
import com.trendcast.dataset.read.Row;
import com.trendcast.dataset.read.mapping.ColumnMapping;
import com.trendcast.dataset.read.mapping.DatasetKind;
import com.trendcast.dataset.read.mapping.LogicalField;
import com.trendcast.dataset.read.value.DateFormatGuess;
import com.trendcast.dataset.read.value.NumberFormatGuess;
import com.trendcast.dataset.read.value.ValueFormatException;
import com.trendcast.dataset.read.value.ValueParsers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A confirmed mapping bound to a file's header: column positions, and value formats for every mapped column
 * (a column the user picked by hand gets its format guessed from the sample, as the proposer would have).
 * Reads typed values from rows, rejecting unreadable ones with a {@link RowProblem}.
 */
final class ResolvedMapping {

    static final Set<LogicalField> DATE_FIELDS = Set.of(LogicalField.DATE, LogicalField.TIMESTAMP);
    static final Set<LogicalField> NUMBER_FIELDS = Set.of(LogicalField.UNITS, LogicalField.REVENUE,
            LogicalField.UNIT_PRICE, LogicalField.VISITS);

    private final ColumnMapping mapping;
    private final List<String> header;
    private final Map<LogicalField, Integer> columns = new EnumMap<>(LogicalField.class);
    private final Map<LogicalField, DateFormatGuess> dateFormats = new EnumMap<>(LogicalField.class);
    private final Map<LogicalField, NumberFormatGuess> numberFormats = new EnumMap<>(LogicalField.class);

    private ResolvedMapping(ColumnMapping mapping, List<String> header) {
        this.mapping = mapping;
        this.header = List.copyOf(header);
    }

    /** Binds the mapping to the header; refuses unknown columns and missing required fields. */
    static ResolvedMapping resolve(ColumnMapping mapping, List<String> header, List<Row> sample) {
        ResolvedMapping resolved = bind(mapping, header, sample);
        resolved.requireFields();
        return resolved;
    }

    /** Binds a possibly unfinished mapping to the header, as while the user is still editing it. */
    static ResolvedMapping bind(ColumnMapping mapping, List<String> header, List<Row> sample) {
        ResolvedMapping resolved = new ResolvedMapping(mapping, header);
        Map<String, String> byKey = mapping.fields();
        for (LogicalField field : LogicalField.values()) {
            String column = byKey.get(field.key());
            if (column == null || field.kind() != mapping.kind()) {
                continue;
            }
            int index = header.indexOf(column);
            if (index < 0) {
                throw new UserFacingException("import.mapping.unknownColumn", column);
            }
            resolved.columns.put(field, index);
            List<String> values = sample.stream().map(row -> row.value(index))
                    .filter(value -> !ValueParsers.isAbsent(value)).toList();
            if (DATE_FIELDS.contains(field)) {
                DateFormatGuess format = mapping.dateFormats().get(column);
                if (format == null) {
                    format = ValueParsers.guessDateFormat(values).orElseThrow(
                            () -> new UserFacingException("import.mapping.notDates", column));
                }
                resolved.dateFormats.put(field, format);
            } else if (NUMBER_FIELDS.contains(field) || field == LogicalField.PROMOTION) {
                NumberFormatGuess format = mapping.numberFormats().get(column);
                resolved.numberFormats.put(field, format != null ? format : ValueParsers.guessNumberFormat(values));
            }
        }
        for (String feature : mapping.featureColumns()) {
            if (!header.contains(feature)) {
                throw new UserFacingException("import.mapping.unknownColumn", feature);
            }
        }
        return resolved;
    }

    private void requireFields() {
        switch (mapping.kind()) {
            case SALES -> {
                require(LogicalField.DATE);
                require(LogicalField.SKU);
                require(LogicalField.UNITS);
                if (!has(LogicalField.REVENUE) && !has(LogicalField.UNIT_PRICE)) {
                    throw new UserFacingException("import.mapping.needsMoney");
                }
            }
            case SESSIONS -> {
                require(LogicalField.LABEL);
                if (mapping.featureColumns().isEmpty()) {
                    throw new UserFacingException("import.mapping.needsFeatures");
                }
            }
            case EVENTS -> {
                require(LogicalField.TIMESTAMP);
                require(LogicalField.EVENT_TYPE);
                if (!has(LogicalField.USER_ID) && !has(LogicalField.SESSION_ID)) {
                    throw new UserFacingException("import.mapping.needsVisitor");
                }
            }
        }
    }

    private void require(LogicalField field) {
        if (!has(field)) {
            throw new UserFacingException("import.mapping.required", new UserFacingException.Text("import.field." + field.key()));
        }
    }

    /**
     * The mapping with every format actually used filled in, as saved with the dataset and as a template,
     * so the next import of the same shape reads values exactly the same way.
     */
    ColumnMapping completed() {
        Map<String, DateFormatGuess> dates = new LinkedHashMap<>();
        dateFormats.forEach((field, format) -> dates.put(header.get(columns.get(field)), format));
        Map<String, NumberFormatGuess> numbers = new LinkedHashMap<>();
        numberFormats.forEach((field, format) -> numbers.put(header.get(columns.get(field)), format));
        Map<String, String> fields = new LinkedHashMap<>();
        columns.forEach((field, index) -> fields.put(field.key(), header.get(index)));
        return new ColumnMapping(mapping.kind(), fields, mapping.featureColumns(), dates, numbers);
    }

    DatasetKind kind() {
        return mapping.kind();
    }

    List<String> header() {
        return header;
    }

    List<String> featureColumns() {
        return mapping.featureColumns();
    }

    boolean has(LogicalField field) {
        return columns.containsKey(field);
    }

    List<LogicalField> mappedFields() {
        return new ArrayList<>(columns.keySet());
    }

    String columnName(LogicalField field) {
        return header.get(columns.get(field));
    }

    /** The raw value, stripped; empty when the field is unmapped or the cell is missing. */
    String raw(Row row, LogicalField field) {
        Integer index = columns.get(field);
        return index == null ? "" : row.value(index).strip();
    }

    /** Text value, null when unmapped or absent; rejected when longer than the database column. */
    String text(Row row, LogicalField field, int maxLength) throws RowRejected {
        String value = raw(row, field);
        if (ValueParsers.isAbsent(value)) {
            return null;
        }
        if (value.length() > maxLength) {
            throw reject(row, field, value, "import.reject.tooLong", maxLength);
        }
        return value;
    }

    String requiredText(Row row, LogicalField field, int maxLength) throws RowRejected {
        String value = text(row, field, maxLength);
        if (value == null) {
            throw reject(row, field, raw(row, field), "import.reject.missing");
        }
        return value;
    }

    /** Number value, null when unmapped or absent. */
    BigDecimal number(Row row, LogicalField field) throws RowRejected {
        String value = raw(row, field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return ValueParsers.parseNumber(value, numberFormats.get(field));
        } catch (ValueFormatException e) {
            throw reject(row, field, value, "import.reject.number");
        }
    }

    BigDecimal requiredNumber(Row row, LogicalField field) throws RowRejected {
        BigDecimal value = number(row, field);
        if (value == null) {
            throw reject(row, field, raw(row, field), "import.reject.missing");
        }
        return value;
    }

    LocalDate requiredDate(Row row, LogicalField field) throws RowRejected {
        Temporal value = requiredTemporal(row, field);
        return value instanceof LocalDateTime dateTime ? dateTime.toLocalDate() : (LocalDate) value;
    }

    LocalDateTime requiredDateTime(Row row, LogicalField field) throws RowRejected {
        Temporal value = requiredTemporal(row, field);
        return value instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) value;
    }

    private Temporal requiredTemporal(Row row, LogicalField field) throws RowRejected {
        String value = raw(row, field);
        DateFormatGuess format = dateFormats.get(field);
        Temporal parsed;
        try {
            parsed = ValueParsers.parseDateTime(value, format);
        } catch (ValueFormatException e) {
            throw reject(row, field, value, "import.reject.date", format.pattern());
        }
        if (parsed == null) {
            throw reject(row, field, value, "import.reject.missing");
        }
        return parsed;
    }

    /** The typed value of any mapped field, as the import reads it; null when absent. */
    Object value(Row row, LogicalField field) throws RowRejected {
        if (DATE_FIELDS.contains(field)) {
            return raw(row, field).isEmpty() ? null : requiredTemporal(row, field);
        }
        if (NUMBER_FIELDS.contains(field)) {
            return number(row, field);
        }
        if (field == LogicalField.PROMOTION || field == LogicalField.LABEL) {
            return flag(row, field);
        }
        return text(row, field, Integer.MAX_VALUE);
    }

    /** A yes/no value; numbers count as yes when above zero (a discount of 0.2 means "on promotion"). */
    Boolean flag(Row row, LogicalField field) throws RowRejected {
        String value = raw(row, field);
        if (ValueParsers.isAbsent(value)) {
            return null;
        }
        try {
            return ValueParsers.parseFlag(value);
        } catch (ValueFormatException notAFlag) {
            NumberFormatGuess format = numberFormats.getOrDefault(field, NumberFormatGuess.DECIMAL_POINT);
            if (ValueParsers.isNumber(value, format)) {
                return ValueParsers.parseNumber(value, format).signum() > 0;
            }
            throw reject(row, field, value, "import.reject.flag");
        }
    }

    RowRejected reject(Row row, LogicalField field, String value, String reasonKey, Object... args) {
        return new RowRejected(new RowProblem(row.number(), columnName(field), value, reasonKey, List.of(args)));
    }
}
