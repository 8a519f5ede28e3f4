package com.trendcast.dataset.read;

/**
 * Limits that keep a hostile or broken file from exhausting memory.
 *
 * @param maxColumns        widest row accepted
 * @param maxFieldChars     longest single value accepted
 * @param maxRecordChars    most characters one text record may span; bounds the damage of an unclosed quote
 * @param maxLegacyXlsBytes largest .xls file accepted, because the legacy format is read fully into memory
 */
public record ReadOptions(int maxColumns, int maxFieldChars, int maxRecordChars, long maxLegacyXlsBytes) {

    public static ReadOptions defaults() {
        return new ReadOptions(2_000, 1_000_000, 16_000_000, 50L * 1024 * 1024);
    }

    public ReadOptions withMaxColumns(int columns) {
        return new ReadOptions(columns, maxFieldChars, maxRecordChars, maxLegacyXlsBytes);
    }

    public ReadOptions withMaxFieldChars(int chars) {
        return new ReadOptions(maxColumns, chars, maxRecordChars, maxLegacyXlsBytes);
    }

    public ReadOptions withMaxRecordChars(int chars) {
        return new ReadOptions(maxColumns, maxFieldChars, chars, maxLegacyXlsBytes);
    }

    public ReadOptions withMaxLegacyXlsBytes(long bytes) {
        return new ReadOptions(maxColumns, maxFieldChars, maxRecordChars, bytes);
    }
}
