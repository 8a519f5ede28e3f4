package com.trendcast.ui;

import com.trendcast.common.export.ExportTable;
import com.trendcast.common.export.TableExport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * Download links for a table in CSV or XLSX, or for several tables as one XLSX workbook. The tables are built when
 * the link is clicked, from what the view shows then, and written through {@link TableExport}, so every export
 * neutralises formula text the same way.
 */
public final class ExportLinks {

    /** The two formats every export offers. */
    public enum Format {
        CSV("csv", TableExport.CSV_MIME),
        XLSX("xlsx", TableExport.XLSX_MIME);

        private final String extension;
        private final String mime;

        Format(String extension, String mime) {
            this.extension = extension;
            this.mime = mime;
        }
    }

    private ExportLinks() {
    }

    /**
     * A link that downloads {@code table} as {@code baseName.csv} or {@code baseName.xlsx}.
     *
     * @param table builds the table at click time
     */
    public static Anchor link(String id, String text, String baseName, Format format, Supplier<ExportTable> table) {
        return anchor(id, text, baseName + "." + format.extension, format.mime, () -> bytes(table.get(), format));
    }

    /**
     * A link that downloads {@code sheets} as one workbook, {@code baseName.xlsx}, a sheet per table in order (e.g.
     * forecasts, then the backtest they were chosen by).
     *
     * @param sheets builds the tables at click time
     */
    public static Anchor workbook(String id, String text, String baseName, Supplier<List<ExportTable>> sheets) {
        return anchor(id, text, baseName + "." + Format.XLSX.extension, Format.XLSX.mime,
                () -> workbookBytes(sheets.get()));
    }

    /** The file a link of {@code format} downloads for {@code table}. */
    public static byte[] bytes(ExportTable table, Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format == Format.CSV) {
            TableExport.writeCsv(table, out);
        } else {
            TableExport.writeXlsx(table, out);
        }
        return out.toByteArray();
    }

    /** The file a {@link #workbook} link downloads for {@code sheets}. */
    public static byte[] workbookBytes(List<ExportTable> sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableExport.writeXlsx(sheets, out);
        return out.toByteArray();
    }

    private static Anchor anchor(String id, String text, String fileName, String mime, Supplier<byte[]> content) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, mime, bytes.length);
        }), text);
        anchor.setId(id);
        anchor.setDownload(true);
        return anchor;
    }
}
