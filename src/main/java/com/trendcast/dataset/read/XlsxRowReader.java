package com.trendcast.dataset.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Pulls rows from a sheet's XML with StAX, one row at a time, so the sheet is never held in memory.
 * Formulas are never evaluated: the value Excel cached when it last saved the file is used.
 */
final class XlsxRowReader extends LookaheadRowReader {

    private record NumberStyle(int formatIndex, String formatString) {
    }

    private static final NumberStyle GENERAL = new NumberStyle(0, "General");

    private final OPCPackage pkg;
    private final InputStream sheetStream;
    private final XMLStreamReader xml;
    private final String sheetName;
    private final SharedStrings sharedStrings;
    private final StylesTable styles;
    private final Map<Integer, NumberStyle> numberStyles = new HashMap<>();
    private final SpreadsheetCells cells;
    private final ReadOptions options;
    private long previousRowNumber;

    XlsxRowReader(OPCPackage pkg, InputStream sheetStream, String sheetName, SharedStrings sharedStrings,
                  StylesTable styles, SpreadsheetCells cells, ReadOptions options) throws XMLStreamException {
        this.pkg = pkg;
        this.sheetStream = sheetStream;
        this.sheetName = sheetName;
        this.sharedStrings = sharedStrings;
        this.styles = styles;
        this.cells = cells;
        this.options = options;
        this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheetStream);
        try {
            Row first = readNonBlank();
            if (first == null) {
                throw new UnreadableFileException("read.sheet.empty", sheetName);
            }
            start(first, "read.sheet.headerOnly", sheetName);
        } catch (RuntimeException e) {
            closeSheet();
            throw e;
        }
    }

    @Override
    protected Row readNonBlank() {
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                    String reference = xml.getAttributeValue(null, "r");
                    long number = reference != null ? Long.parseLong(reference) : previousRowNumber + 1;
                    previousRowNumber = number;
                    List<String> values = readCells(number);
                    if (!HeaderCells.isBlank(values)) {
                        return new Row(number, values);
                    }
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            throw ReadFailures.inExcel(e);
        }
    }

    private List<String> readCells(long rowNumber) throws XMLStreamException {
        List<String> values = new ArrayList<>();
        int nextColumn = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                String reference = xml.getAttributeValue(null, "r");
                int column = reference != null ? new CellReference(reference).getCol() : nextColumn;
                if (column >= options.maxColumns()) {
                    throw new UnreadableFileException("read.xlsx.tooManyColumns", rowNumber, sheetName,
                            options.maxColumns());
                }
                String text = readCell(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "s"));
                while (values.size() <= column) {
                    values.add("");
                }
                values.set(column, text);
                nextColumn = column + 1;
            }
        }
        return values;
    }

    private String readCell(String type, String styleIndex) throws XMLStreamException {
        String stored = null;
        StringBuilder inline = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "v" -> stored = xml.getElementText();
                case "t" -> inline.append(xml.getElementText());
                case "rPh", "f" -> skipElement();
                default -> {
                }
            }
        }
        String text = cellText(type, stored, inline.toString(), styleIndex);
        if (text.length() > options.maxFieldChars()) {
            throw new UnreadableFileException("read.xlsx.cellTooLong", previousRowNumber, sheetName,
                    options.maxFieldChars());
        }
        return text;
    }

    /** Phonetic guides and formula text are not cell values; skipping them keeps their text out of the result. */
    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private String cellText(String type, String stored, String inline, String styleIndex) {
        if ("inlineStr".equals(type)) {
            return inline;
        }
        if (stored == null || stored.isEmpty()) {
            return "";
        }
        return switch (type == null ? "n" : type) {
            case "s" -> sharedStrings.getItemAt(Integer.parseInt(stored.strip())).getString();
            case "b" -> "1".equals(stored.strip()) ? "TRUE" : "FALSE";
            case "e" -> "";
            case "str", "d" -> stored;
            default -> {
                NumberStyle style = numberStyle(styleIndex);
                yield cells.numeric(Double.parseDouble(stored), style.formatIndex(), style.formatString());
            }
        };
    }

    private NumberStyle numberStyle(String styleIndex) {
        if (styleIndex == null || styles == null) {
            return GENERAL;
        }
        return numberStyles.computeIfAbsent(Integer.parseInt(styleIndex), index -> {
            XSSFCellStyle style = styles.getStyleAt(index);
            return style == null ? GENERAL : new NumberStyle(style.getDataFormat(), style.getDataFormatString());
        });
    }

    @Override
    public void close() {
        closeSheet();
        pkg.revert();
    }

    private void closeSheet() {
        try {
            xml.close();
            sheetStream.close();
        } catch (XMLStreamException | IOException e) {
            // Only read from, so a failed close loses nothing and must not hide the original problem.
        }
    }
}
