package com.trendcast.dataset;

import com.trendcast.common.UserFacingException;
import com.trendcast.common.export.SpreadsheetSafety;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes rejected rows to a CSV file (UTF-8 with BOM so Excel shows Chinese text correctly) as they occur,
 * so a file with a million bad rows never holds them in memory. Cells that a spreadsheet would run as a
 * formula are prefixed with a single quote. The file is created only when the first row is rejected.
 */
final class ErrorReportWriter implements AutoCloseable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Path file;
    private final Locale locale;
    private BufferedWriter out;

    ErrorReportWriter(Path file, Locale locale) {
        this.file = file;
        this.locale = locale;
    }

    void write(RowProblem problem) {
        try {
            if (out == null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                out.write(BYTE_ORDER_MARK);
                line(text("import.report.row"), text("import.report.column"), text("import.report.value"),
                        text("import.report.reason"));
            }
            line(Long.toString(problem.rowNumber()), problem.column(), problem.value(),
                    UserFacingException.format(locale, problem.reasonKey(), problem.arguments()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the error report " + file, e);
        }
    }

    /** The report file, or null when no row was rejected. */
    Path file() {
        return out == null ? null : file;
    }

    private String text(String key) {
        return UserFacingException.format(locale, key);
    }

    private void line(String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        String safe = SpreadsheetSafety.neutralise(value);
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            safe = '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not finish the error report " + file, e);
            }
        }
    }
}
