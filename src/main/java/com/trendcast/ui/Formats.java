package com.trendcast.ui;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Number and date formats per locale, shared by every view so figures look the same everywhere. */
public final class Formats {

    private Formats() {
    }

    public static String number(Locale locale, double value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(Math.abs(value) >= 100 ? 0 : 2);
        return format.format(value);
    }

    /** Large figures shortened for cards: 1.2M / 120万. */
    public static String compact(Locale locale, double value) {
        NumberFormat format = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.SHORT);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    public static String signedPercent(Locale locale, double fraction) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        String text = format.format(fraction);
        return fraction > 0 ? "+" + text : text;
    }

    public static String date(Locale locale, LocalDate date) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    /** A moment in the server's time zone, which is the shop's for an intranet application. */
    public static String dateTime(Locale locale, Instant moment) {
        return moment.atZone(ZoneId.systemDefault())
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale));
    }
}
