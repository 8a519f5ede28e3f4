package com.trendcast.dataset.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/**
 * Entry points for .xlsx files. The package is opened from the file (random access to the zip directory,
 * nothing inflated up front) and POI's ZipSecureFile defaults refuse entries that inflate suspiciously well.
 */
final class XlsxWorkbook {

    private XlsxWorkbook() {
    }

    static void verify(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("xl/workbook.xml") == null) {
                throw new UnreadableFileException("read.zip.notExcel");
            }
        } catch (IOException e) {
            throw new UnreadableFileException(e, ReadFailures.DAMAGED_EXCEL);
        }
    }

    static List<String> sheetNames(Path file) {
        OPCPackage pkg = openPackage(file);
        try {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                sheets.next().close();
                names.add(sheets.getSheetName());
            }
            return List.copyOf(names);
        } catch (Exception e) {
            throw ReadFailures.inExcel(e);
        } finally {
            pkg.revert();
        }
    }

    /** Opens one sheet for streaming; {@code sheetName} null means the first sheet. */
    static RowReader openSheet(Path file, String sheetName, ReadOptions options) {
        OPCPackage pkg = openPackage(file);
        try {
            XSSFReader reader = new XSSFReader(pkg);
            boolean date1904 = usesDate1904(reader);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                InputStream sheet = sheets.next();
                if (sheetName == null || sheetName.equals(sheets.getSheetName())) {
                    return new XlsxRowReader(pkg, sheet, sheets.getSheetName(),
                            new ReadOnlySharedStringsTable(pkg, false), reader.getStylesTable(),
                            new SpreadsheetCells(date1904), options);
                }
                sheet.close();
            }
            throw sheetName == null ? new UnreadableFileException("read.excel.noSheets")
                    : new UnreadableFileException("read.excel.noSuchSheet", sheetName);
        } catch (Exception e) {
            pkg.revert();
            throw ReadFailures.inExcel(e);
        }
    }

    private static OPCPackage openPackage(Path file) {
        try {
            return OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw ReadFailures.inExcel(e);
        }
    }

    private static boolean usesDate1904(XSSFReader reader) throws Exception {
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbook);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && "workbookPr".equals(xml.getLocalName())) {
                        String flag = xml.getAttributeValue(null, "date1904");
                        return "1".equals(flag) || "true".equalsIgnoreCase(flag);
                    }
                }
                return false;
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw ReadFailures.inExcel(e);
        }
    }
}
