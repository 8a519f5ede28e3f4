package com.trendcast.common;

/**
 * Text from outside (file contents, file names, form fields) made safe to store and show: control characters
 * other than tab and line breaks are dropped (PostgreSQL refuses NUL in text, and terminals and logs act on
 * escape sequences), and so are the bidirectional embedding, override and isolate controls, with which a name
 * such as {@code invoice\u202Efdp.csv} displays as a different extension.
 */
public final class SafeText {

    private SafeText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder cleaned = new StringBuilder(text.length());
        cleaned.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                cleaned.append(c);
            }
        }
        return cleaned.toString();
    }

    /** {@link #clean} and then cut to at most {@code maxLength} characters, never inside a surrogate pair. */
    public static String cleanAndLimit(String text, int maxLength) {
        String cleaned = clean(text);
        if (cleaned == null || cleaned.length() <= maxLength) {
            return cleaned;
        }
        int end = Character.isHighSurrogate(cleaned.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return cleaned.substring(0, end);
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean unsafe(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
