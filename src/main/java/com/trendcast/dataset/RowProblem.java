package com.trendcast.dataset;

import java.util.List;

/**
 * Why one row was rejected.
 *
 * @param rowNumber  row number in the source file (text line or Excel row)
 * @param column     source column name, or empty when the problem concerns the whole row
 * @param value      the offending value as written in the file
 * @param reasonKey  translation key of the reason
 * @param reasonArgs arguments of the reason text
 */
public record RowProblem(long rowNumber, String column, String value, String reasonKey, List<Object> reasonArgs) {

    public RowProblem {
        reasonArgs = List.copyOf(reasonArgs);
    }

    public Object[] arguments() {
        return reasonArgs.toArray();
    }
}
