package com.trendcast.common.export;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A table to export: a header and rows of typed cells. A cell is a {@link String}, a {@link Number}, a
 * {@link LocalDate}, a {@link LocalDateTime} or {@code null} (empty); numbers and dates stay typed in XLSX so a
 * spreadsheet can sum and sort them, and text is neutralised against formula injection in every format.
 *
 * @param sheetName name of the XLSX sheet (at most 31 characters, as Excel allows)
 * @param header    column titles
 * @param rows      cells per row, each row as long as the header
 */
public record ExportTable(String sheetName, List<String> header, List<List<Object>> rows) {

    private static final int MAX_SHEET_NAME = 31;

    public ExportTable {
        if (sheetName == null || sheetName.isBlank() || sheetName.length() > MAX_SHEET_NAME) {
            throw new IllegalArgumentException("Sheet names have 1 to 31 characters: " + sheetName);
        }
        header = List.copyOf(header);
        List<List<Object>> copied = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("Row has " + row.size() + " cells, header " + header.size());
            }
            for (Object cell : row) {
                if (cell != null && !(cell instanceof String || cell instanceof Number || cell instanceof LocalDate
                        || cell instanceof LocalDateTime)) {
                    throw new IllegalArgumentException("Unsupported cell type " + cell.getClass().getName());
                }
            }
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copied);
    }
}
