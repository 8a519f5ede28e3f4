package com.trendcast.dataset.read.value;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates and timestamps as spreadsheets and shop systems export them. */
final class DateText {

    private static final Pattern CHINESE = Pattern.compile(
            "(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]?"
                    + "(?:\\s*(\\d{1,2})\\s*[:时点]\\s*(\\d{1,2})(?:\\s*[:分]\\s*(\\d{1,2}))?\\s*[分秒]?)?");
    private static final Pattern SEPARATED = Pattern.compile(
            "(\\d{1,4})([-/.])(\\d{1,2})[-/.](\\d{1,4})"
                    + "(?:(?:T|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*([AaPp][Mm])?)?"
                    + "\\s*(?:Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,5}(?:\\.\\d+)?");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{10}");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{13}");

    /** Excel serials between these bounds (1954 to 2119) are plausible business dates, not quantities. */
    private static final double MIN_PLAUSIBLE_SERIAL = 20_000;
    private static final double MAX_PLAUSIBLE_SERIAL = 80_000;
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final int EXCEL_FICTITIOUS_LEAP_DAY = 60;

    private enum Shape { YEAR_FIRST, DAY_FIRST_PROVEN, MONTH_FIRST_PROVEN, DAY_MONTH_UNCLEAR, DOTTED_UNCLEAR,
        SERIAL, EPOCH_SECONDS, EPOCH_MILLIS }

    private DateText() {
    }

    static DateFormatGuess guess(Collection<String> sample) {
        int[] counts = new int[Shape.values().length];
        int present = 0;
        boolean withTime = false;
        for (String raw : sample) {
            if (ValueParsers.isAbsent(raw)) {
                continue;
            }
            present++;
            String value = ValueParsers.normalize(raw).strip();
            Shape shape = shapeOf(value);
            if (shape != null) {
                counts[shape.ordinal()]++;
                withTime |= hasTime(value, shape);
            }
        }
        int recognised = 0;
        for (int count : counts) {
            recognised += count;
        }
        if (present == 0 || recognised * 2 < present) {
            return null;
        }
        for (Shape numeric : new Shape[] {Shape.SERIAL, Shape.EPOCH_SECONDS, Shape.EPOCH_MILLIS}) {
            if (counts[numeric.ordinal()] * 2 > recognised) {
                DateOrder order = switch (numeric) {
                    case SERIAL -> DateOrder.EXCEL_SERIAL;
                    case EPOCH_SECONDS -> DateOrder.EPOCH_SECONDS;
                    default -> DateOrder.EPOCH_MILLIS;
                };
                return new DateFormatGuess(order, false, numeric != Shape.SERIAL || withTime);
            }
        }
        int dayFirst = counts[Shape.DAY_FIRST_PROVEN.ordinal()];
        int monthFirst = counts[Shape.MONTH_FIRST_PROVEN.ordinal()];
        int unclear = counts[Shape.DAY_MONTH_UNCLEAR.ordinal()];
        int dotted = counts[Shape.DOTTED_UNCLEAR.ordinal()];
        if (dayFirst > 0 && monthFirst == 0) {
            return new DateFormatGuess(DateOrder.DAY_MONTH_YEAR, false, withTime);
        }
        if (monthFirst > 0 && dayFirst == 0) {
            return new DateFormatGuess(DateOrder.MONTH_DAY_YEAR, false, withTime);
        }
        if (monthFirst > 0) {
            DateOrder majority = dayFirst > monthFirst ? DateOrder.DAY_MONTH_YEAR : DateOrder.MONTH_DAY_YEAR;
            return new DateFormatGuess(majority, true, withTime);
        }
        if (unclear + dotted > 0) {
            // Dotted dates (5.3.2024) are a day-first convention; slashes default to month-first per US exports.
            DateOrder likely = dotted > unclear ? DateOrder.DAY_MONTH_YEAR : DateOrder.MONTH_DAY_YEAR;
            return new DateFormatGuess(likely, true, withTime);
        }
        return new DateFormatGuess(DateOrder.YEAR_MONTH_DAY, false, withTime);
    }

    private static Shape shapeOf(String value) {
        if (CHINESE.matcher(value).matches()) {
            return Shape.YEAR_FIRST;
        }
        Matcher separated = SEPARATED.matcher(value);
        if (separated.matches()) {
            if (separated.group(1).length() == 4) {
                return Shape.YEAR_FIRST;
            }
            int first = Integer.parseInt(separated.group(1));
            int second = Integer.parseInt(separated.group(3));
            int yearLength = separated.group(4).length();
            if (yearLength != 2 && yearLength != 4 || first > 31 || second > 31) {
                return null;
            }
            if (first > 12 && second <= 12) {
                return Shape.DAY_FIRST_PROVEN;
            }
            if (second > 12 && first <= 12) {
                return Shape.MONTH_FIRST_PROVEN;
            }
            if (first <= 12 && second <= 12) {
                return ".".equals(separated.group(2)) ? Shape.DOTTED_UNCLEAR : Shape.DAY_MONTH_UNCLEAR;
            }
            return null;
        }
        if (COMPACT.matcher(value).matches()) {
            return validCompact(value) ? Shape.YEAR_FIRST : null;
        }
        if (EPOCH_MILLIS.matcher(value).matches()) {
            return Shape.EPOCH_MILLIS;
        }
        if (EPOCH_SECONDS.matcher(value).matches()) {
            return Shape.EPOCH_SECONDS;
        }
        if (SERIAL.matcher(value).matches()) {
            double serial = Double.parseDouble(value);
            return serial >= MIN_PLAUSIBLE_SERIAL && serial <= MAX_PLAUSIBLE_SERIAL ? Shape.SERIAL : null;
        }
        return null;
    }

    private static boolean validCompact(String value) {
        int month = Integer.parseInt(value.substring(4, 6));
        int day = Integer.parseInt(value.substring(6, 8));
        int year = Integer.parseInt(value.substring(0, 4));
        return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    private static boolean hasTime(String value, Shape shape) {
        if (shape == Shape.SERIAL) {
            return value.contains(".");
        }
        Matcher chinese = CHINESE.matcher(value);
        if (chinese.matches()) {
            return chinese.group(4) != null;
        }
        Matcher separated = SEPARATED.matcher(value);
        return separated.matches() && separated.group(5) != null;
    }

    static Temporal parse(String raw, DateFormatGuess guess) {
        String value = ValueParsers.normalize(raw).strip();
        try {
            Temporal parsed = parseNormalized(value, guess.order());
            if (parsed != null) {
                return parsed;
            }
        } catch (DateTimeException | NumberFormatException e) {
            throw new ValueFormatException("'" + raw + "' is not a valid date.", e);
        }
        throw new ValueFormatException("'" + raw + "' is not a recognised date.");
    }

    private static Temporal parseNormalized(String value, DateOrder order) {
        Matcher chinese = CHINESE.matcher(value);
        if (chinese.matches()) {
            LocalDate date = LocalDate.of(number(chinese, 1), number(chinese, 2), number(chinese, 3));
            if (chinese.group(4) == null) {
                return date;
            }
            int seconds = chinese.group(6) == null ? 0 : number(chinese, 6);
            return date.atTime(number(chinese, 4), number(chinese, 5), seconds);
        }
        Matcher separated = SEPARATED.matcher(value);
        if (separated.matches()) {
            return fromSeparated(separated, order);
        }
        if (order == DateOrder.EPOCH_MILLIS && EPOCH_MILLIS.matcher(value).matches()) {
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(Long.parseLong(value)), ZoneOffset.UTC);
        }
        if (order == DateOrder.EPOCH_SECONDS && EPOCH_SECONDS.matcher(value).matches()) {
            return LocalDateTime.ofInstant(Instant.ofEpochSecond(Long.parseLong(value)), ZoneOffset.UTC);
        }
        if (COMPACT.matcher(value).matches() && order != DateOrder.EXCEL_SERIAL) {
            return LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
                    Integer.parseInt(value.substring(6, 8)));
        }
        if (order == DateOrder.EXCEL_SERIAL && SERIAL.matcher(value).matches()) {
            return fromExcelSerial(Double.parseDouble(value));
        }
        return null;
    }

    private static Temporal fromSeparated(Matcher m, DateOrder order) {
        int year;
        int month;
        int day;
        if (m.group(1).length() == 4) {
            year = number(m, 1);
            month = number(m, 3);
            day = number(m, 4);
        } else {
            year = m.group(4).length() == 2 ? 2000 + number(m, 4) : number(m, 4);
            boolean dayFirst = order == DateOrder.DAY_MONTH_YEAR;
            day = dayFirst ? number(m, 1) : number(m, 3);
            month = dayFirst ? number(m, 3) : number(m, 1);
            if (month > 12 && day <= 12) {
                int swap = month;
                month = day;
                day = swap;
            }
        }
        LocalDate date = LocalDate.of(year, month, day);
        if (m.group(5) == null) {
            return date;
        }
        int hour = number(m, 5);
        String meridiem = m.group(9);
        if (meridiem != null) {
            boolean afternoon = meridiem.equalsIgnoreCase("pm");
            if (hour < 1 || hour > 12) {
                throw new DateTimeException("hour out of range for 12-hour clock");
            }
            hour = hour % 12 + (afternoon ? 12 : 0);
        }
        int second = m.group(7) == null ? 0 : number(m, 7);
        int nanos = m.group(8) == null ? 0 : Integer.parseInt((m.group(8) + "00000000").substring(0, 9));
        return LocalDateTime.of(date, LocalTime.of(hour, number(m, 6), second, nanos));
    }

    /** Excel's 1900 date system counts a non-existent 1900-02-29 (serial 60), so earlier serials are off by one. */
    static Temporal fromExcelSerial(double serial) {
        long days = (long) Math.floor(serial);
        LocalDate date = days < EXCEL_FICTITIOUS_LEAP_DAY ? EXCEL_EPOCH.plusDays(days + 1) : EXCEL_EPOCH.plusDays(days);
        long seconds = Math.round((serial - days) * 86_400);
        if (seconds == 0) {
            return date;
        }
        return date.atStartOfDay().plusSeconds(seconds);
    }

    private static int number(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }
}
