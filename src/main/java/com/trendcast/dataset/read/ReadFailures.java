package com.trendcast.dataset.read;

import java.io.EOFException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.zip.ZipException;

/** Turns technical failures into messages a category manager can act on; the cause is kept for the logs. */
final class ReadFailures {

    static final String DAMAGED_EXCEL =
            "The Excel file is damaged or incomplete (it may have been cut off during upload). "
                    + "Please open it in Excel, save it again and re-upload it.";
    static final String ZIP_BOMB =
            "The Excel file expands to far more data than its size suggests, which is typical of a malicious "
                    + "'zip bomb'. It was not read.";
    static final String UNSAFE_XML =
            "The Excel file contains XML constructs (entity or DTD declarations) that are not allowed. "
                    + "Please save it again from Excel.";

    private ReadFailures() {
    }

    static String formatCount(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    static UnreadableFileException inText(Throwable error, long line, Charset encoding, int maxRecordChars) {
        Throwable cause = rootOf(error, BoundedReader.RecordTooLargeException.class);
        if (cause != null) {
            return new UnreadableFileException("The row starting at line " + formatCount(line) + " is longer than "
                    + formatCount(maxRecordChars) + " characters. The file may contain an unclosed quote (\") "
                    + "or may not be a table.", error);
        }
        if (rootOf(error, CharacterCodingException.class) != null) {
            return new UnreadableFileException("The file is not consistently encoded as " + encoding.displayName()
                    + " (problem near line " + formatCount(line) + "). Please save it again as UTF-8 "
                    + "(in Excel: Save As, \"CSV UTF-8\").", error);
        }
        if (messageContains(error, "EOF reached before encapsulated token finished")) {
            return new UnreadableFileException("A quoted value starting at line " + formatCount(line)
                    + " is never closed. Please check that line for a stray quote (\").", error);
        }
        if (rootOf(error, EOFException.class) != null || rootOf(error, ZipException.class) != null) {
            return new UnreadableFileException("The compressed file is damaged or incomplete "
                    + "(it may have been cut off during upload). Please upload it again.", error);
        }
        return new UnreadableFileException("The file could not be read (problem near line " + formatCount(line)
                + "). Please check the file and upload it again.", error);
    }

    static UnreadableFileException inExcel(Throwable error) {
        if (error instanceof UnreadableFileException unreadable) {
            return unreadable;
        }
        if (messageContains(error, "Zip bomb detected")) {
            return new UnreadableFileException(ZIP_BOMB, error);
        }
        if (messageContains(error, "DOCTYPE") || messageContains(error, "entity") || messageContains(error, "DTD")) {
            return new UnreadableFileException(UNSAFE_XML, error);
        }
        return new UnreadableFileException(DAMAGED_EXCEL, error);
    }

    private static <T extends Throwable> T rootOf(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean messageContains(Throwable error, String fragment) {
        String lowerFragment = fragment.toLowerCase(Locale.ROOT);
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains(lowerFragment)) {
                return true;
            }
        }
        return false;
    }
}
