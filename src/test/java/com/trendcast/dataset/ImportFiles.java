package com.trendcast.dataset;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;

/** Small import files written by the tests themselves, with totals that can be checked by hand. */
public final class ImportFiles {

    private ImportFiles() {
    }

    public static Path write(Path dir, String name, String content, Charset charset) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(charset));
        return file;
    }

    /**
     * Two invoices and one cancellation of 2 hearts: NET units 6 + 4 - 2 = 8, revenue 15.30 + 12.00 - 5.10 = 22.20;
     * DROP units 10, revenue 27.30.
     */
    public static Path retailWithReturn(Path dir) throws IOException {
        return write(dir, "retail.csv", """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,Country
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,United Kingdom
                536366,71053,WHITE METAL LANTERN,4,2010-12-01 09:00:00,3.00,United Kingdom
                C536379,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-2,2010-12-01 10:00:00,2.55,United Kingdom
                """, StandardCharsets.UTF_8);
    }

    /** {@code valid} rows of 1 unit at 2.00, then {@code invalid} rows whose quantity is the formula "=1+1". */
    public static Path salesWithInvalidRows(Path dir, String name, String category, int valid, int invalid)
            throws IOException {
        StringJoiner csv = new StringJoiner("\n", "", "\n");
        csv.add("Date,SKU,Product,Category,Quantity,Price");
        for (int i = 0; i < valid; i++) {
            csv.add("2024-01-" + String.format("%02d", 1 + i % 28) + ",S" + i + ",Item " + i + "," + category + ",1,2.00");
        }
        for (int i = 0; i < invalid; i++) {
            csv.add("2024-02-01,X" + i + ",Broken " + i + "," + category + ",=1+1,2.00");
        }
        return write(dir, name, csv.toString(), StandardCharsets.UTF_8);
    }
}
