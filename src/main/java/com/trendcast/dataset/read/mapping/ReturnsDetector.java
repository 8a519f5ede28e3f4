package com.trendcast.dataset.read.mapping;

import com.trendcast.dataset.read.Row;
import com.trendcast.dataset.read.value.NumberFormatGuess;
import com.trendcast.dataset.read.value.ValueParsers;
import java.math.BigDecimal;

/** Counts return and cancellation rows while rows stream past; usable on a sample or on the whole file. */
public final class ReturnsDetector {

    private final int quantityColumn;
    private final int orderIdColumn;
    private final NumberFormatGuess quantityFormat;
    private long negativeQuantityRows;
    private long cancelledOrderRows;
    private long rowsInspected;

    /**
     * @param quantityColumn index of the quantity column, or -1 when unmapped
     * @param orderIdColumn  index of the order/invoice id column, or -1 when unmapped
     */
    public ReturnsDetector(int quantityColumn, int orderIdColumn, NumberFormatGuess quantityFormat) {
        this.quantityColumn = quantityColumn;
        this.orderIdColumn = orderIdColumn;
        this.quantityFormat = quantityFormat;
    }

    public void accept(Row row) {
        rowsInspected++;
        if (quantityColumn >= 0 && ValueParsers.isNumber(row.value(quantityColumn), quantityFormat)) {
            BigDecimal quantity = ValueParsers.parseNumber(row.value(quantityColumn), quantityFormat);
            if (quantity.signum() < 0) {
                negativeQuantityRows++;
            }
        }
        if (orderIdColumn >= 0) {
            String orderId = row.value(orderIdColumn).strip();
            if (orderId.length() > 1 && (orderId.charAt(0) == 'C' || orderId.charAt(0) == 'c')
                    && Character.isDigit(orderId.charAt(1))) {
                cancelledOrderRows++;
            }
        }
    }

    public ReturnsSignal result() {
        return new ReturnsSignal(negativeQuantityRows, cancelledOrderRows, rowsInspected);
    }
}
