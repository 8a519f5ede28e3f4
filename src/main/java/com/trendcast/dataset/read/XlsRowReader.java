package com.trendcast.dataset.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Reads legacy .xls workbooks. The binary format cannot be streamed cheaply, so the workbook is loaded whole;
 * the format's own limits (65,536 rows) and a file-size cap keep that bounded.
 */
final class XlsRowReader extends LookaheadRowReader {

    private final HSSFWorkbook workbook;
    private final Iterator<org.apache.poi.ss.usermodel.Row> rows;
    private final SpreadsheetCells cells;
    private final ReadOptions options;
    private final String sheetName;

    private XlsRowReader(HSSFWorkbook workbook, Sheet sheet, ReadOptions options) {
        this.workbook = workbook;
        this.rows = sheet.rowIterator();
        this.sheetName = sheet.getSheetName();
        this.options = options;
        this.cells = new SpreadsheetCells(workbook.getInternalWorkbook().isUsing1904DateWindowing());
        Row first = readNonBlank();
        if (first == null) {
            throw new UnreadableFileException("read.sheet.empty", sheetName);
        }
        start(first, "read.sheet.headerOnly", sheetName);
    }

    static void verify(Path file, ReadOptions options) {
        closeQuietly(load(file, options));
    }

    static List<String> sheetNames(Path file, ReadOptions options) {
        try (HSSFWorkbook workbook = load(file, options)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                names.add(workbook.getSheetName(i));
            }
            return List.copyOf(names);
        } catch (IOException e) {
            throw new UnreadableFileException(e, ReadFailures.DAMAGED_EXCEL);
        }
    }

    /** Opens one sheet; {@code sheetName} null means the first sheet. */
    static RowReader openSheet(Path file, String sheetName, ReadOptions options) {
        HSSFWorkbook workbook = load(file, options);
        try {
            Sheet sheet = sheetName == null ? firstSheet(workbook) : workbook.getSheet(sheetName);
            if (sheet == null) {
                throw new UnreadableFileException("read.excel.noSuchSheet", sheetName);
            }
            return new XlsRowReader(workbook, sheet, options);
        } catch (RuntimeException e) {
            closeQuietly(workbook);
            throw e instanceof UnreadableFileException ? e : new UnreadableFileException(e, ReadFailures.DAMAGED_EXCEL);
        }
    }

    private static Sheet firstSheet(HSSFWorkbook workbook) {
        if (workbook.getNumberOfSheets() == 0) {
            throw new UnreadableFileException("read.excel.noSheets");
        }
        return workbook.getSheetAt(0);
    }

    static HSSFWorkbook load(Path file, ReadOptions options) {
        try {
            if (Files.size(file) > options.maxLegacyXlsBytes()) {
                throw new UnreadableFileException("read.xls.tooLarge", options.maxLegacyXlsBytes() / (1024 * 1024));
            }
            POIFSFileSystem fileSystem = new POIFSFileSystem(file.toFile(), true);
            try {
                DirectoryNode root = fileSystem.getRoot();
                if (root.hasEntry("EncryptedPackage") || root.hasEntry("EncryptionInfo")) {
                    throw new EncryptedDocumentException("encrypted OLE2 package");
                }
                if (!root.hasEntry("Workbook") && !root.hasEntry("WORKBOOK") && !root.hasEntry("Book")) {
                    throw new UnreadableFileException("read.xls.notExcel");
                }
                return new HSSFWorkbook(fileSystem);
            } catch (IOException | RuntimeException e) {
                fileSystem.close();
                throw e;
            }
        } catch (OldExcelFormatException e) {
            throw new UnreadableFileException(e, "read.xls.tooOld");
        } catch (EncryptedDocumentException e) {
            throw new UnreadableFileException(e, "read.excel.encrypted");
        } catch (IOException | RuntimeException e) {
            throw e instanceof UnreadableFileException unreadable
                    ? unreadable
                    : new UnreadableFileException(e, ReadFailures.DAMAGED_EXCEL);
        }
    }

    @Override
    protected Row readNonBlank() {
        while (rows.hasNext()) {
            org.apache.poi.ss.usermodel.Row source = rows.next();
            List<String> values = new ArrayList<>();
            for (Cell cell : source) {
                int column = cell.getColumnIndex();
                if (column >= options.maxColumns()) {
                    throw new UnreadableFileException("read.xls.tooManyColumns", source.getRowNum() + 1, sheetName,
                            options.maxColumns());
                }
                while (values.size() <= column) {
                    values.add("");
                }
                values.set(column, text(cell));
            }
            if (!HeaderCells.isBlank(values)) {
                return new Row(source.getRowNum() + 1L, values);
            }
        }
        return null;
    }

    private String text(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case NUMERIC -> {
                CellStyle style = cell.getCellStyle();
                yield cells.numeric(cell.getNumericCellValue(), style.getDataFormat(), style.getDataFormatString());
            }
            default -> "";
        };
    }

    @Override
    public void close() {
        closeQuietly(workbook);
    }

    private static void closeQuietly(HSSFWorkbook workbook) {
        try {
            workbook.close();
        } catch (IOException e) {
            // Only read from, so a failed close loses nothing and must not hide the original problem.
        }
    }
}
