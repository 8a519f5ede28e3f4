package com.trendcast.dataset;

import com.trendcast.dataset.read.Row;

import java.math.BigDecimal;
import java.util.Map;

/** Interprets the rows of one dataset kind and stores them; one instance per import. */
interface RowHandler {

    enum Outcome { IMPORTED, RETURN_IMPORTED, RETURN_DROPPED }

    /** Reads one row; an invalid row is rejected whole, nothing of it is kept. */
    Outcome accept(Row row) throws RowRejected;

    /** Writes what is still held in memory; called once, inside the import transaction, after the last row. */
    void finish();

    /** Control totals over the accepted rows. */
    Map<String, BigDecimal> totals();
}
