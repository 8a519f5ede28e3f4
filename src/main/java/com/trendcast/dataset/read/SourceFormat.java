package com.trendcast.dataset.read;

/** What a file turned out to be, judged by its content rather than its name. */
public enum SourceFormat {
    /** Delimited text (CSV, TSV, semicolon or pipe separated), possibly gzip-compressed. */
    DELIMITED_TEXT,
    /** Office Open XML workbook (.xlsx). */
    XLSX,
    /** Legacy binary Excel workbook (.xls). */
    XLS
}
