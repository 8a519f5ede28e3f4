package com.trendcast.dataset.read.value;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads numbers, dates and yes/no flags as people and tools write them, independent of the server's locale.
 * Formats are guessed per column from a sample, then applied value by value; a value that contradicts the
 * column's guess unambiguously (e.g. "3.50" in a decimal-comma column) is read by its own evidence.
 * Blank values and placeholders such as "-" or "N/A" read as {@code null} (absent); anything else that cannot
 * be read raises {@link ValueFormatException}.
 */
public final class ValueParsers {

    private static final Set<String> ABSENT = Set.of("-", "--", "–", "—", "n/a", "na", "#n/a", "null", "none", "nan");
    private static final Set<String> TRUE_WORDS = Set.of("1", "true", "yes", "y", "t", "是", "真", "对");
    private static final Set<String> FALSE_WORDS = Set.of("0", "false", "no", "n", "f", "否", "假", "错");

    private ValueParsers() {
    }

    /** True for blanks and the usual "no value" placeholders. */
    public static boolean isAbsent(String raw) {
        return raw == null || raw.isBlank() || ABSENT.contains(normalize(raw).strip().toLowerCase(Locale.ROOT));
    }

    /** Decides decimal point or decimal comma for a column from a sample of its values. */
    public static NumberFormatGuess guessNumberFormat(Collection<String> sample) {
        return NumberText.guess(sample);
    }

    /** Reads a number such as "1.234,56", "¥1,299.00", "(12.50)" or "12.5%" (= 0.125); null when absent. */
    public static BigDecimal parseNumber(String raw, NumberFormatGuess guess) {
        return isAbsent(raw) ? null : NumberText.parse(raw, guess);
    }

    /** Whether the value reads as a number under the guess. */
    public static boolean isNumber(String raw, NumberFormatGuess guess) {
        if (isAbsent(raw)) {
            return false;
        }
        try {
            NumberText.parse(raw, guess);
            return true;
        } catch (ValueFormatException e) {
            return false;
        }
    }

    /**
     * Decides how a column writes dates, or empty when fewer than half of its present values look like dates.
     * Day-first and month-first are told apart by values with a part above 12; without such proof the guess
     * defaults to month-first (day-first for dotted dates) and is marked ambiguous.
     */
    public static Optional<DateFormatGuess> guessDateFormat(Collection<String> sample) {
        return Optional.ofNullable(DateText.guess(sample));
    }

    /** Reads a date ({@link LocalDate}) or timestamp ({@link LocalDateTime}) under the guess; null when absent. */
    public static Temporal parseDateTime(String raw, DateFormatGuess guess) {
        return isAbsent(raw) ? null : DateText.parse(raw, guess);
    }

    /** Reads the calendar date of a date or timestamp value; null when absent. */
    public static LocalDate parseDate(String raw, DateFormatGuess guess) {
        Temporal value = parseDateTime(raw, guess);
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toLocalDate();
        }
        return (LocalDate) value;
    }

    /** Converts an Excel serial day number (1900 date system) to a date, or a timestamp when it has a fraction. */
    public static Temporal fromExcelSerial(double serial) {
        return DateText.fromExcelSerial(serial);
    }

    /** Reads 1/0, true/false, yes/no, Y/N, 是/否; null when absent. */
    public static Boolean parseFlag(String raw) {
        if (isAbsent(raw)) {
            return null;
        }
        String word = normalize(raw).strip().toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(word)) {
            return Boolean.TRUE;
        }
        if (FALSE_WORDS.contains(word)) {
            return Boolean.FALSE;
        }
        throw new ValueFormatException("'" + raw + "' is not a yes/no value.");
    }

    /** Full-width digits and punctuation, common in Chinese input, become their ASCII forms. */
    static String normalize(String raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFKC);
    }
}
