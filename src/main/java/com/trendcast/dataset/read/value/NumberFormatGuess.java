package com.trendcast.dataset.read.value;

/**
 * How a column writes numbers.
 *
 * @param decimalMark decimal point or decimal comma
 * @param ambiguous   true when the sample gave no proof either way (e.g. only "1.234" or "1,234"), so the UI
 *                    should let the user confirm
 */
public record NumberFormatGuess(DecimalMark decimalMark, boolean ambiguous) {

    public static final NumberFormatGuess DECIMAL_POINT = new NumberFormatGuess(DecimalMark.POINT, false);
    public static final NumberFormatGuess DECIMAL_COMMA = new NumberFormatGuess(DecimalMark.COMMA, false);
}
