package com.trendcast.dataset.read;

import com.trendcast.common.SafeText;

import java.util.List;

/**
 * One data row of a table.
 *
 * @param number 1-based position in the source: the first physical line of the record in a text file,
 *               the Excel row number in a spreadsheet
 * @param values cell texts, never {@code null}, without control characters ({@link SafeText}); a row may be
 *               shorter or longer than the header
 */
public record Row(long number, List<String> values) {

    public Row {
        values = values.stream().map(SafeText::clean).toList();
    }

    /** The value of a column, or an empty string where the row has fewer cells. */
    public String value(int column) {
        return column < values.size() ? values.get(column) : "";
    }
}
