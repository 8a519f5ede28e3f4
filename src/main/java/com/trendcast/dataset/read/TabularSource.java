package com.trendcast.dataset.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * An uploaded file recognised by its content: delimited text (plain or gzip), .xlsx or legacy .xls.
 * Opening inspects only the start of the file; rows are streamed by {@link #openRows()}.
 * Every problem is reported as an {@link UnreadableFileException} with a message fit for the uploader.
 *
 * <pre>{@code
 * TabularSource source = TabularSource.open(path);
 * try (RowReader rows = source.openRows()) {
 *     List<String> header = rows.header();
 *     while (rows.hasNext()) { Row row = rows.next(); ... }
 * }
 * }</pre>
 * A file or sheet with a header but no data rows is refused when its rows are opened.
 */
public final class TabularSource {

    static final int SAMPLE_BYTES = 64 * 1024;
    private static final int STREAM_BUFFER_BYTES = 64 * 1024;

    private final Path file;
    private final ReadOptions options;
    private final SourceFormat format;
    private final TextLayout textLayout;

    private TabularSource(Path file, ReadOptions options, SourceFormat format, TextLayout textLayout) {
        this.file = file;
        this.options = options;
        this.format = format;
        this.textLayout = textLayout;
    }

    /** Recognises the file with the default limits. */
    public static TabularSource open(Path file) {
        return open(file, ReadOptions.defaults());
    }

    /** Recognises the file: format, and for text its encoding and delimiter. */
    public static TabularSource open(Path file, ReadOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        ContentSniffer.Container container;
        try {
            container = ContentSniffer.sniff(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException(e, "read.file.notFound");
        } catch (IOException e) {
            throw new UnreadableFileException(e, "read.file.cannotOpen");
        }
        return switch (container) {
            case EMPTY -> throw new UnreadableFileException("read.empty");
            case ZIP -> {
                XlsxWorkbook.verify(file);
                yield new TabularSource(file, options, SourceFormat.XLSX, null);
            }
            case OLE2 -> {
                XlsRowReader.verify(file, options);
                yield new TabularSource(file, options, SourceFormat.XLS, null);
            }
            case GZIP -> new TabularSource(file, options, SourceFormat.DELIMITED_TEXT, inspectText(file, true));
            case PLAIN -> new TabularSource(file, options, SourceFormat.DELIMITED_TEXT, inspectText(file, false));
        };
    }

    public SourceFormat format() {
        return format;
    }

    /** Encoding and delimiter of a text file; empty for spreadsheets. */
    public Optional<TextLayout> textLayout() {
        return Optional.ofNullable(textLayout);
    }

    /** Sheet names in workbook order, for the user to pick one; empty for text files. */
    public List<String> sheetNames() {
        return switch (format) {
            case DELIMITED_TEXT -> List.of();
            case XLSX -> XlsxWorkbook.sheetNames(file);
            case XLS -> XlsRowReader.sheetNames(file, options);
        };
    }

    /** Streams the rows of a text file, or of a workbook's first sheet. */
    public RowReader openRows() {
        return switch (format) {
            case DELIMITED_TEXT -> openText();
            case XLSX -> XlsxWorkbook.openSheet(file, null, options);
            case XLS -> XlsRowReader.openSheet(file, null, options);
        };
    }

    /** Streams the rows of the named sheet; a text file has a single table and ignores the name. */
    public RowReader openRows(String sheetName) {
        Objects.requireNonNull(sheetName, "sheetName");
        return switch (format) {
            case DELIMITED_TEXT -> openText();
            case XLSX -> XlsxWorkbook.openSheet(file, sheetName, options);
            case XLS -> XlsRowReader.openSheet(file, sheetName, options);
        };
    }

    private RowReader openText() {
        InputStream bytes = null;
        try {
            bytes = openBytes(file, textLayout.gzipCompressed());
            if (textLayout.byteOrderMark()) {
                bytes.skipNBytes(textLayout.encoding().name().startsWith("UTF-16") ? 2 : 3);
            }
            Reader reader = new InputStreamReader(bytes, textLayout.encoding().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
            return new CsvRowReader(reader, textLayout.delimiter(), textLayout.encoding(), options);
        } catch (IOException e) {
            closeQuietly(bytes);
            throw ReadFailures.inText(e, 1, textLayout.encoding(), options.maxRecordChars());
        }
    }

    private static TextLayout inspectText(Path file, boolean gzip) {
        byte[] sample;
        boolean complete;
        try (InputStream in = openBytes(file, gzip)) {
            sample = in.readNBytes(SAMPLE_BYTES);
            complete = sample.length < SAMPLE_BYTES || in.read() < 0;
        } catch (IOException e) {
            throw ReadFailures.inText(e, 1, EncodingDetector.WINDOWS_1252, 0);
        }
        if (gzip) {
            ContentSniffer.Container inner = ContentSniffer.sniff(Arrays.copyOf(sample, Math.min(4, sample.length)));
            if (inner == ContentSniffer.Container.EMPTY) {
                throw new UnreadableFileException("read.empty");
            }
            if (inner != ContentSniffer.Container.PLAIN) {
                throw new UnreadableFileException("read.compressed.notText");
            }
        }
        EncodingDetector.Detected detected = EncodingDetector.detect(sample, complete);
        String text = new String(sample, detected.bomLength(), sample.length - detected.bomLength(),
                detected.charset());
        if (text.isBlank()) {
            throw new UnreadableFileException("read.empty");
        }
        char delimiter = DelimiterSniffer.sniff(text, complete);
        return new TextLayout(detected.charset(), detected.bomLength() > 0, delimiter, gzip);
    }

    private static InputStream openBytes(Path file, boolean gzip) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return gzip
                    ? new GZIPInputStream(raw, STREAM_BUFFER_BYTES)
                    : new BufferedInputStream(raw, STREAM_BUFFER_BYTES);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    private static void closeQuietly(InputStream stream) {
        if (stream == null) {
            return;
        }
        try {
            stream.close();
        } catch (IOException e) {
            // Only read from, so a failed close loses nothing and must not hide the original problem.
        }
    }
}
