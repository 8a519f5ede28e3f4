package com.trendcast.dataset.read;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Caps the characters consumed for one record. The CSV parser buffers a whole record before handing it
 * over, so an unclosed quote would otherwise pull the rest of a multi-gigabyte file into memory.
 * The parser reads ahead in chunks, so one chunk of slack is allowed before a record counts as too long.
 */
final class BoundedReader extends FilterReader {

    static final class RecordTooLargeException extends IOException {
        RecordTooLargeException(int limit) {
            super("record exceeds " + limit + " characters");
        }
    }

    static final int READ_AHEAD_ALLOWANCE = 8 * 1024;

    private final int limit;
    private long consumed;

    BoundedReader(Reader in, int limit) {
        super(in);
        this.limit = limit;
    }

    void startNewRecord() {
        consumed = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count(1);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int chars) throws RecordTooLargeException {
        consumed += chars;
        if (consumed > (long) limit + READ_AHEAD_ALLOWANCE) {
            throw new RecordTooLargeException(limit);
        }
    }
}
