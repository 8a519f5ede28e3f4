package com.trendcast.dataset.read.value;

/** The character that separates the integer part from the fraction. */
public enum DecimalMark {
    /** 1,234.56 */
    POINT('.', ','),
    /** 1.234,56 */
    COMMA(',', '.');

    private final char decimal;
    private final char grouping;

    DecimalMark(char decimal, char grouping) {
        this.decimal = decimal;
        this.grouping = grouping;
    }

    public char decimal() {
        return decimal;
    }

    public char grouping() {
        return grouping;
    }
}
