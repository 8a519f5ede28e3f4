package com.trendcast.dataset.read;

import java.io.EOFException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * Turns technical failures into reasons a category manager can act on (message keys of {@code i18n/messages}); the
 * cause is kept for the logs.
 */
final class ReadFailures {

    static final String DAMAGED_EXCEL = "read.excel.damaged";

    private ReadFailures() {
    }

    static UnreadableFileException inText(Throwable error, long line, Charset encoding, int maxRecordChars) {
        Throwable cause = rootOf(error, BoundedReader.RecordTooLargeException.class);
        if (cause != null) {
            return new UnreadableFileException(error, "read.text.recordTooLong", line, maxRecordChars);
        }
        if (rootOf(error, CharacterCodingException.class) != null) {
            return new UnreadableFileException(error, "read.text.encoding", encoding.displayName(), line);
        }
        if (messageContains(error, "EOF reached before encapsulated token finished")) {
            return new UnreadableFileException(error, "read.text.unclosedQuote", line);
        }
        if (rootOf(error, EOFException.class) != null || rootOf(error, ZipException.class) != null) {
            return new UnreadableFileException(error, "read.compressed.damaged");
        }
        return new UnreadableFileException(error, "read.text.failed", line);
    }

    static UnreadableFileException inExcel(Throwable error) {
        if (error instanceof UnreadableFileException unreadable) {
            return unreadable;
        }
        if (messageContains(error, "Zip bomb detected")) {
            return new UnreadableFileException(error, "read.excel.zipBomb");
        }
        if (messageContains(error, "DOCTYPE") || messageContains(error, "entity") || messageContains(error, "DTD")) {
            return new UnreadableFileException(error, "read.excel.unsafeXml");
        }
        return new UnreadableFileException(error, DAMAGED_EXCEL);
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
