package com.trendcast.dataset.read;

import java.util.Iterator;
import java.util.List;

/**
 * Streams the data rows of one table, one at a time; rows are never collected in memory.
 * Blank rows are skipped. Problems found while reading surface as {@link UnreadableFileException}
 * from {@link #hasNext()} or {@link #next()}.
 */
public interface RowReader extends Iterator<Row>, AutoCloseable {

    /** Column names from the first non-blank row: trimmed, blanks named "Column N", duplicates suffixed " (2)". */
    List<String> header();

    @Override
    void close();
}
