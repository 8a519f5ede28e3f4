package com.trendcast.dataset.read.mapping;

import com.trendcast.dataset.read.value.DateFormatGuess;
import com.trendcast.dataset.read.value.NumberFormatGuess;
import java.util.List;
import java.util.Map;

/**
 * A mapping from logical fields to source columns, plain enough to save as JSON and reuse as a template.
 *
 * @param kind           what the file describes
 * @param fields         {@link LogicalField#key()} to source column name
 * @param featureColumns for {@link DatasetKind#SESSIONS}: the columns used as model features; empty otherwise
 * @param dateFormats    source column name to how it writes dates
 * @param numberFormats  source column name to how it writes numbers
 */
public record ColumnMapping(DatasetKind kind, Map<String, String> fields, List<String> featureColumns,
                            Map<String, DateFormatGuess> dateFormats, Map<String, NumberFormatGuess> numberFormats) {

    public ColumnMapping {
        fields = Map.copyOf(fields);
        featureColumns = List.copyOf(featureColumns);
        dateFormats = Map.copyOf(dateFormats);
        numberFormats = Map.copyOf(numberFormats);
    }

    /** The source column mapped to a field, or null. */
    public String column(LogicalField field) {
        return fields.get(field.key());
    }
}
