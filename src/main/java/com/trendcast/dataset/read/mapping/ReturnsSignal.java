package com.trendcast.dataset.read.mapping;

/**
 * Evidence that a sales file contains returns or cancellations, so the UI can ask whether to net them
 * against sales or drop them.
 *
 * @param negativeQuantityRows rows whose quantity is below zero
 * @param cancelledOrderRows   rows whose order or invoice id starts with "C" followed by a digit (UCI style)
 * @param rowsInspected        rows looked at
 */
public record ReturnsSignal(long negativeQuantityRows, long cancelledOrderRows, long rowsInspected) {

    public static final ReturnsSignal NONE = new ReturnsSignal(0, 0, 0);

    public boolean present() {
        return negativeQuantityRows > 0 || cancelledOrderRows > 0;
    }
}
