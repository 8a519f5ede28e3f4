package com.trendcast.dataset.read.value;

/**
 * How a column writes dates.
 *
 * @param order     arrangement of the date parts
 * @param ambiguous true when no value proved day-first or month-first (every day and month were 12 or less);
 *                  the UI should ask the user to confirm
 * @param withTime  whether values carry a time of day
 */
public record DateFormatGuess(DateOrder order, boolean ambiguous, boolean withTime) {

    /** A human-readable pattern for showing the guess to the user, e.g. "dd/MM/yyyy HH:mm". */
    public String pattern() {
        String date = switch (order) {
            case YEAR_MONTH_DAY -> "yyyy-MM-dd";
            case DAY_MONTH_YEAR -> "dd/MM/yyyy";
            case MONTH_DAY_YEAR -> "MM/dd/yyyy";
            case EXCEL_SERIAL -> "Excel serial number";
            case EPOCH_SECONDS -> "Unix time (seconds)";
            case EPOCH_MILLIS -> "Unix time (milliseconds)";
        };
        boolean textual = order == DateOrder.YEAR_MONTH_DAY || order == DateOrder.DAY_MONTH_YEAR
                || order == DateOrder.MONTH_DAY_YEAR;
        return withTime && textual ? date + " HH:mm" : date;
    }
}
