package com.trendcast.dataset.read;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Renders numeric cells as text. Date-formatted cells become ISO dates so the serial number behind them is
 * never lost; "General" numbers keep full precision (and no scientific notation, which would mangle long
 * order ids); other number formats are shown as Excel displays them.
 */
final class SpreadsheetCells {

    private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final boolean date1904;
    private final DataFormatter formatter = new DataFormatter(Locale.US);

    SpreadsheetCells(boolean date1904) {
        this.date1904 = date1904;
    }

    String numeric(double value, int formatIndex, String formatString) {
        if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString)
                && DateUtil.isValidExcelDate(value)) {
            return isoDate(value);
        }
        if (formatString == null || formatIndex == 0 || "General".equalsIgnoreCase(formatString)) {
            return plainNumber(value);
        }
        return formatter.formatRawCellContents(value, formatIndex, formatString);
    }

    private String isoDate(double serial) {
        LocalDateTime dateTime = DateUtil.getLocalDateTime(serial, date1904, true);
        if (serial < 1) {
            return dateTime.toLocalTime().format(ISO_TIME);
        }
        if (dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return dateTime.toLocalDate().toString();
        }
        return dateTime.format(ISO_DATE_TIME);
    }

    static String plainNumber(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
