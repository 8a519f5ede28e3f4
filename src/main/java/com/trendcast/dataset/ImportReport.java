package com.trendcast.dataset;

import com.trendcast.dataset.read.mapping.DatasetKind;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What reading a whole file found, whether or not it was stored.
 *
 * @param rowsRead       data rows in the file (blank rows not counted)
 * @param rowsImported   rows that were (or would be) stored
 * @param rowsRejected   invalid rows, each with a reason in the error report
 * @param returnRows     rows recognised as returns or cancellations
 * @param returnsDropped return rows skipped because the user chose {@link ReturnsPolicy#DROP}
 * @param totals         control totals over the imported rows: units and revenue for sales, sessions and
 *                       purchases for sessions, events for events
 * @param firstProblems  the first rejected rows, for a summary on screen
 * @param errorReport    CSV with every rejected row; null when no row was rejected
 * @param refusalKey     translation key of why the file cannot be imported as requested; null when it can
 */
public record ImportReport(DatasetKind kind, long rowsRead, long rowsImported, long rowsRejected, long returnRows,
                           long returnsDropped, Map<String, BigDecimal> totals, List<RowProblem> firstProblems,
                           Path errorReport, String refusalKey, List<Object> refusalArgs) {

    public ImportReport {
        totals = Map.copyOf(totals);
        firstProblems = List.copyOf(firstProblems);
        refusalArgs = List.copyOf(refusalArgs);
    }

    public boolean refused() {
        return refusalKey != null;
    }

    public double rejectedShare() {
        return rowsRead == 0 ? 0 : rowsRejected / (double) rowsRead;
    }
}
