package com.trendcast.dataset.read;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The iterator logic every format shares: one row read ahead, so that {@code hasNext()} can skip
 * blank rows and a header-only file is refused as soon as it is opened.
 */
abstract class LookaheadRowReader implements RowReader {

    private List<String> header;
    private Row pending;

    /** Takes the header row and reads the first data row, refusing a file that has none. */
    protected final void start(Row headerRow, String headerOnlyReasonKey, Object... arguments) {
        header = HeaderCells.clean(headerRow.values());
        pending = readNonBlank();
        if (pending == null) {
            throw new UnreadableFileException(headerOnlyReasonKey, arguments);
        }
    }

    /** The next row with at least one non-blank value, or {@code null} at the end. */
    protected abstract Row readNonBlank();

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        if (pending == null) {
            pending = readNonBlank();
        }
        return pending != null;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row row = pending;
        pending = null;
        return row;
    }
}
