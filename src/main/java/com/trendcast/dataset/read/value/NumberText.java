package com.trendcast.dataset.read.value;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Numbers as people type them: currency signs, grouping, accounting negatives, percentages, decimal commas. */
final class NumberText {

    /** What is left of a value once signs, currency and percent are taken off. */
    record Parts(boolean negative, boolean percent, String core) {
    }

    private static final String CURRENCY_SYMBOLS = "$€£¥₹₩₽₺₫฿元";
    private static final Set<String> CURRENCY_CODES =
            Set.of("usd", "eur", "gbp", "cny", "rmb", "jpy", "chf", "hkd", "aud", "cad", "inr", "krw");
    private static final Pattern GROUPING_BLANKS = Pattern.compile("[\\s\\u00A0\\u202F\\u2009']");
    private static final Pattern CORE = Pattern.compile("[0-9][0-9.,]*|[.,][0-9]+");
    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9]+(?:\\.[0-9]+)?[eE][+-]?[0-9]+");

    private NumberText() {
    }

    static Parts split(String normalized) {
        String s = normalized.strip();
        boolean negative = false;
        boolean percent = false;
        if (s.length() > 2 && s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1);
        }
        boolean changed = true;
        while (changed && !s.isEmpty()) {
            String before = s;
            s = s.strip();
            if (s.endsWith("%")) {
                percent = true;
                s = s.substring(0, s.length() - 1);
            } else if (s.startsWith("-") || s.startsWith("\u2212") || s.endsWith("-")) {
                negative = !negative;
                s = s.startsWith("-") || s.startsWith("\u2212") ? s.substring(1) : s.substring(0, s.length() - 1);
            } else if (s.startsWith("+")) {
                s = s.substring(1);
            } else {
                s = stripCurrency(s);
            }
            changed = !s.equals(before);
        }
        String core = GROUPING_BLANKS.matcher(s).replaceAll("");
        if (SCIENTIFIC.matcher(core).matches() || CORE.matcher(core).matches()) {
            return new Parts(negative, percent, core);
        }
        return null;
    }

    private static String stripCurrency(String s) {
        if (CURRENCY_SYMBOLS.indexOf(s.charAt(0)) >= 0) {
            return s.substring(1);
        }
        if (CURRENCY_SYMBOLS.indexOf(s.charAt(s.length() - 1)) >= 0) {
            return s.substring(0, s.length() - 1);
        }
        if (s.length() > 3) {
            String head = s.substring(0, 3).toLowerCase(Locale.ROOT);
            String tail = s.substring(s.length() - 3).toLowerCase(Locale.ROOT);
            if (CURRENCY_CODES.contains(head)) {
                return s.substring(3);
            }
            if (CURRENCY_CODES.contains(tail)) {
                return s.substring(0, s.length() - 3);
            }
        }
        return s;
    }

    /** Which decimal mark a single value proves, or null when it proves nothing. */
    static DecimalMark evidence(String core) {
        int lastPoint = core.lastIndexOf('.');
        int lastComma = core.lastIndexOf(',');
        if (lastPoint >= 0 && lastComma >= 0) {
            return lastPoint > lastComma ? DecimalMark.POINT : DecimalMark.COMMA;
        }
        if (lastPoint < 0 && lastComma < 0) {
            return null;
        }
        char mark = lastPoint >= 0 ? '.' : ',';
        int last = Math.max(lastPoint, lastComma);
        boolean repeated = core.indexOf(mark) != last;
        boolean groupOfThree = core.length() - last - 1 == 3;
        DecimalMark asDecimal = mark == '.' ? DecimalMark.POINT : DecimalMark.COMMA;
        DecimalMark asGrouping = mark == '.' ? DecimalMark.COMMA : DecimalMark.POINT;
        if (repeated) {
            return asGrouping;
        }
        return groupOfThree ? null : asDecimal;
    }

    static boolean isAmbiguous(String core) {
        return evidence(core) == null && (core.indexOf('.') >= 0 || core.indexOf(',') >= 0);
    }

    static NumberFormatGuess guess(Collection<String> sample) {
        int pointVotes = 0;
        int commaVotes = 0;
        boolean sawAmbiguous = false;
        for (String raw : sample) {
            if (ValueParsers.isAbsent(raw)) {
                continue;
            }
            Parts parts = split(ValueParsers.normalize(raw));
            if (parts == null) {
                continue;
            }
            DecimalMark mark = evidence(parts.core());
            if (mark == DecimalMark.POINT) {
                pointVotes++;
            } else if (mark == DecimalMark.COMMA) {
                commaVotes++;
            } else if (isAmbiguous(parts.core())) {
                sawAmbiguous = true;
            }
        }
        boolean mixed = pointVotes > 0 && commaVotes > 0;
        boolean unproven = pointVotes == 0 && commaVotes == 0 && sawAmbiguous;
        DecimalMark mark = commaVotes > pointVotes ? DecimalMark.COMMA : DecimalMark.POINT;
        return new NumberFormatGuess(mark, mixed || unproven);
    }

    static BigDecimal parse(String raw, NumberFormatGuess guess) {
        Parts parts = split(ValueParsers.normalize(raw));
        if (parts == null) {
            throw new ValueFormatException("'" + raw + "' is not a number.");
        }
        String plain = SCIENTIFIC.matcher(parts.core()).matches()
                ? parts.core()
                : toPlain(parts.core(), guess.decimalMark(), raw);
        BigDecimal value;
        try {
            value = new BigDecimal(plain);
        } catch (NumberFormatException e) {
            throw new ValueFormatException("'" + raw + "' is not a number.", e);
        }
        if (parts.percent()) {
            value = value.movePointLeft(2);
        }
        return parts.negative() ? value.negate() : value;
    }

    /** Applies the column's decimal mark unless the value itself proves the other one. */
    private static String toPlain(String core, DecimalMark columnMark, String raw) {
        DecimalMark proven = evidence(core);
        DecimalMark mark = proven != null ? proven : columnMark;
        boolean hasDecimal = core.indexOf(mark.decimal()) >= 0;
        if (hasDecimal && core.indexOf(mark.decimal()) != core.lastIndexOf(mark.decimal())) {
            throw new ValueFormatException("'" + raw + "' is not a number.");
        }
        String digits = core.replace(String.valueOf(mark.grouping()), "").replace(mark.decimal(), '.');
        if (digits.startsWith(".")) {
            digits = "0" + digits;
        }
        if (digits.endsWith(".")) {
            digits = digits.substring(0, digits.length() - 1);
        }
        return digits;
    }
}
