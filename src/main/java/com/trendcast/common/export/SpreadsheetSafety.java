package com.trendcast.common.export;

/**
 * Keeps text cells from running as formulas when an exported file is opened in a spreadsheet (CSV or formula
 * injection): text that starts with {@code = + - @}, a tab or a carriage return gets a leading single quote,
 * which spreadsheets show as plain text. Numbers and dates are written as typed values and need no guard.
 */
public final class SpreadsheetSafety {

    private static final String TRIGGERS = "=+-@\t\r";

    private SpreadsheetSafety() {
    }

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        return TRIGGERS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
