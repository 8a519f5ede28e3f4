package com.trendcast.dataset.read;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Streams delimited text through commons-csv, enforcing the width and size limits row by row. */
final class CsvRowReader extends LookaheadRowReader {

    private final BoundedReader input;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final ReadOptions options;
    private final Charset encoding;

    /**
     * Empty lines are kept as records (and skipped here) so the parser's line count stays exact; data after a
     * closing quote is tolerated because spreadsheet exports produce it.
     */
    static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setTrailingData(true)
                .get();
    }

    CsvRowReader(Reader reader, char delimiter, Charset encoding, ReadOptions options) {
        this.options = options;
        this.encoding = encoding;
        this.input = new BoundedReader(reader, options.maxRecordChars());
        try {
            this.parser = format(delimiter).parse(input);
        } catch (IOException e) {
            throw ReadFailures.inText(e, 1, encoding, options.maxRecordChars());
        }
        this.records = parser.iterator();
        try {
            Row first = readNonBlank();
            if (first == null) {
                throw new UnreadableFileException("read.empty");
            }
            start(first, "read.headerOnly");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    protected Row readNonBlank() {
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                input.startNewRecord();
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw ReadFailures.inText(e, line, encoding, options.maxRecordChars());
            }
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            List<String> values = record.toList();
            checkLimits(values, line);
            return new Row(line, values);
        }
    }

    private void checkLimits(List<String> values, long line) {
        if (values.size() > options.maxColumns()) {
            throw new UnreadableFileException("read.csv.tooManyColumns", line, values.size(), options.maxColumns());
        }
        for (String value : values) {
            if (value.length() > options.maxFieldChars()) {
                throw new UnreadableFileException("read.csv.valueTooLong", line, options.maxFieldChars());
            }
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // Only read from, so a failed close loses nothing and must not hide the original problem.
        }
    }
}
