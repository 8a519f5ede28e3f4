package com.trendcast.dataset;

import com.trendcast.dataset.read.mapping.LogicalField;

import java.util.Map;
import java.util.Optional;

/**
 * One preview row as the import will read it: the parsed value of each mapped field, or the problem with it.
 *
 * @param values   mapped field to its parsed value (number, date, timestamp, flag or text); absent values are left out
 * @param problems mapped field to why its value cannot be read
 */
public record ParsedRow(long rowNumber, Map<LogicalField, Object> values, Map<LogicalField, RowProblem> problems) {

    public ParsedRow {
        values = Map.copyOf(values);
        problems = Map.copyOf(problems);
    }

    public Optional<Object> value(LogicalField field) {
        return Optional.ofNullable(values.get(field));
    }

    public Optional<RowProblem> problem(LogicalField field) {
        return Optional.ofNullable(problems.get(field));
    }
}
