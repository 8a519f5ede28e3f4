package com.trendcast.common.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Writes an {@link ExportTable} as CSV or XLSX. Every text cell passes {@link SpreadsheetSafety#neutralise}.
 * CSV is UTF-8 with a byte order mark (so Excel shows Chinese text correctly), comma separated, CRLF line ends,
 * ISO dates and plain decimal numbers. XLSX is streamed (SXSSF), so large tables do not sit in memory as cells.
 */
public final class TableExport {

    public static final String CSV_MIME = "text/csv;charset=UTF-8";
    public static final String XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int ROWS_IN_MEMORY = 200;

    private TableExport() {
    }

    public static void writeCsv(ExportTable table, OutputStream target) {
        try {
            Writer out = new OutputStreamWriter(target, StandardCharsets.UTF_8);
            out.write(BYTE_ORDER_MARK);
            csvLine(out, table.header().stream().map(Object.class::cast).toList());
            for (List<Object> row : table.rows()) {
                csvLine(out, row);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the CSV export", e);
        }
    }

    public static void writeXlsx(ExportTable table, OutputStream target) {
        writeXlsx(List.of(table), target);
    }

    /** One workbook with a sheet per table, in the order given (e.g. results and the figures behind them). */
    public static void writeXlsx(List<ExportTable> tables, OutputStream target) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            for (ExportTable table : tables) {
                writeSheet(workbook.createSheet(table.sheetName()), table, bold, date, dateTime);
            }
            workbook.write(target);
            target.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the XLSX export", e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not close the XLSX export", e);
            }
        }
    }

    private static void writeSheet(Sheet sheet, ExportTable table, CellStyle bold, CellStyle date,
                                   CellStyle dateTime) {
        Row headerRow = sheet.createRow(0);
        for (int column = 0; column < table.header().size(); column++) {
            Cell cell = headerRow.createCell(column);
            cell.setCellValue(SpreadsheetSafety.neutralise(table.header().get(column)));
            cell.setCellStyle(bold);
        }
        int rowIndex = 1;
        for (List<Object> values : table.rows()) {
            Row row = sheet.createRow(rowIndex++);
            for (int column = 0; column < values.size(); column++) {
                Object value = values.get(column);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(column);
                if (value instanceof Number number) {
                    double numeric = number.doubleValue();
                    if (Double.isFinite(numeric)) {
                        cell.setCellValue(numeric);
                    }
                } else if (value instanceof LocalDate day) {
                    cell.setCellValue(day);
                    cell.setCellStyle(date);
                } else if (value instanceof LocalDateTime moment) {
                    cell.setCellValue(moment);
                    cell.setCellStyle(dateTime);
                } else {
                    cell.setCellValue(SpreadsheetSafety.neutralise((String) value));
                }
            }
        }
    }

    /** One CSV field as written: neutralised text, plain decimal numbers, ISO dates, quoted when needed. */
    static String csvField(Object value) {
        String text;
        if (value == null) {
            text = "";
        } else if (value instanceof Number number) {
            text = plainNumber(number);
        } else if (value instanceof LocalDate || value instanceof LocalDateTime) {
            text = value.toString();
        } else {
            text = SpreadsheetSafety.neutralise((String) value);
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String plainNumber(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : "";
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return number.toString();
    }

    private static void csvLine(Writer out, List<Object> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(csvField(cells.get(i)));
        }
        out.write("\r\n");
    }
}
