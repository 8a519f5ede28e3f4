package com.trendcast.ui.chart;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Currency;

/**
 * A named number-format preset for values (y-axis labels, tooltips, data labels).
 * <p>
 * Formatter functions cannot travel in JSON, so the {@code apex-chart} element turns the preset
 * into {@code Intl.NumberFormat} formatters in the browser, using the chart's locale.
 */
public final class ValueFormat {

    private final String preset;

    private ValueFormat(String preset) {
        this.preset = preset;
    }

    /** Grouped digits with up to two decimals, e.g. {@code 12,345.67}. */
    public static ValueFormat number() {
        return new ValueFormat("number");
    }

    /** Grouped digits, rounded to whole numbers. */
    public static ValueFormat integer() {
        return new ValueFormat("integer");
    }

    /** Values are fractions: {@code 0.253} shows as {@code 25.3%}. */
    public static ValueFormat percent() {
        return new ValueFormat("percent");
    }

    /** Short forms for large numbers, e.g. {@code 1.2万} in zh-CN or {@code 12K} in en-GB. */
    public static ValueFormat compact() {
        return new ValueFormat("compact");
    }

    /**
     * Money in the given ISO 4217 currency, e.g. {@code currency("CNY")} shows {@code ¥1,234.00} in zh-CN.
     *
     * @throws IllegalArgumentException if the code is not a known currency
     */
    public static ValueFormat currency(String isoCode) {
        return new ValueFormat("currency:" + Currency.getInstance(isoCode).getCurrencyCode());
    }

    @JsonValue
    String preset() {
        return preset;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValueFormat format && preset.equals(format.preset);
    }

    @Override
    public int hashCode() {
        return preset.hashCode();
    }

    @Override
    public String toString() {
        return preset;
    }
}
