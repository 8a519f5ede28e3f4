package com.trendcast.dataset.read.value;

/** How the parts of a date are arranged in a column. */
public enum DateOrder {
    /** 2024-03-05, 2024/3/5, 20240305, 2024年3月5日 */
    YEAR_MONTH_DAY,
    /** 05/03/2024, 5.3.2024 */
    DAY_MONTH_YEAR,
    /** 03/05/2024, 12/1/2010 8:26 */
    MONTH_DAY_YEAR,
    /** 45356 = 2024-03-05 (days since 1899-12-30, Excel's 1900 date system) */
    EXCEL_SERIAL,
    /** Seconds since 1970-01-01 UTC */
    EPOCH_SECONDS,
    /** Milliseconds since 1970-01-01 UTC */
    EPOCH_MILLIS
}
