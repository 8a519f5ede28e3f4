package com.trendcast.dataset.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularSourceTest {

    @TempDir
    Path dir;

    private static List<Row> readAll(TabularSource source) {
        List<Row> rows = new ArrayList<>();
        try (RowReader reader = source.openRows()) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void readsGbkCsvWithChineseHeaders() throws IOException {
        Path file = Fixtures.text(dir, "sales.csv",
                "订单日期,商品编号,商品名称,数量,销售额\r\n2024/3/5,A001,红富士苹果,3,29.70\r\n2024/3/6,A002,香蕉,1,4.50\r\n",
                Charset.forName("GBK"));

        TabularSource source = TabularSource.open(file);

        assertThat(source.format()).isEqualTo(SourceFormat.DELIMITED_TEXT);
        assertThat(source.textLayout()).get().satisfies(layout -> {
            assertThat(layout.encoding().name()).isEqualTo("GB18030");
            assertThat(layout.delimiter()).isEqualTo(',');
            assertThat(layout.byteOrderMark()).isFalse();
        });
        try (RowReader rows = source.openRows()) {
            assertThat(rows.header()).containsExactly("订单日期", "商品编号", "商品名称", "数量", "销售额");
            Row first = rows.next();
            assertThat(first.number()).isEqualTo(2);
            assertThat(first.values()).containsExactly("2024/3/5", "A001", "红富士苹果", "3", "29.70");
        }
    }

    @Test
    void readsUtf8BomSemicolonFileWithDecimalCommas() throws IOException {
        Path file = Fixtures.text(dir, "umsatz.csv", "Datum;Artikel;Menge;Umsatz\n05.03.2024;Käse;2;3,50\n06.03.2024;Brot;1;1.234,56\n",
                StandardCharsets.UTF_8, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF);

        TabularSource source = TabularSource.open(file);

        TextLayout layout = source.textLayout().orElseThrow();
        assertThat(layout.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(layout.byteOrderMark()).isTrue();
        assertThat(layout.delimiter()).isEqualTo(';');
        try (RowReader rows = source.openRows()) {
            assertThat(rows.header()).containsExactly("Datum", "Artikel", "Menge", "Umsatz");
            assertThat(rows.next().values()).containsExactly("05.03.2024", "Käse", "2", "3,50");
            assertThat(rows.next().values()).containsExactly("06.03.2024", "Brot", "1", "1.234,56");
        }
    }

    @Test
    void readsUtf16LittleEndianTabFile() throws IOException {
        Path file = Fixtures.text(dir, "export.txt", "date\tsku\tunits\n2024-03-05\tX-1\t7\n",
                StandardCharsets.UTF_16LE, (byte) 0xFF, (byte) 0xFE);

        TabularSource source = TabularSource.open(file);

        assertThat(source.textLayout().orElseThrow().encoding()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(source.textLayout().orElseThrow().delimiter()).isEqualTo('\t');
        List<Row> rows = readAll(source);
        assertThat(rows).singleElement().extracting(Row::values).asList().containsExactly("2024-03-05", "X-1", "7");
    }

    @Test
    void fallsBackToWindows1252ForWesternText() throws IOException {
        Path file = Fixtures.text(dir, "prices.csv", "product|price\ncafé crème|£3.50\n", Charset.forName("windows-1252"));

        TabularSource source = TabularSource.open(file);

        assertThat(source.textLayout().orElseThrow().encoding().name()).isEqualTo("windows-1252");
        assertThat(source.textLayout().orElseThrow().delimiter()).isEqualTo('|');
        assertThat(readAll(source).get(0).values()).containsExactly("café crème", "£3.50");
    }

    @Test
    void keepsQuotedDelimitersEmbeddedNewlinesAndTrailingEmptyFieldsAndReportsSourceLines() throws IOException {
        Path file = Fixtures.text(dir, "quoted.csv", "id,description,note\n"
                + "1,\"Mug, blue\",\n"
                + "\n"
                + "2,\"Two\nline\nitem\",x\n"
                + "3,plain,\n", StandardCharsets.UTF_8);

        List<Row> rows = readAll(TabularSource.open(file));

        assertThat(rows).extracting(Row::number).containsExactly(2L, 4L, 7L);
        assertThat(rows.get(0).values()).containsExactly("1", "Mug, blue", "");
        assertThat(rows.get(1).values()).containsExactly("2", "Two\nline\nitem", "x");
        assertThat(rows.get(2).values()).containsExactly("3", "plain", "");
    }

    @Test
    void sniffsSemicolonEvenWhenQuotedValuesContainManyCommas() throws IOException {
        Path file = Fixtures.text(dir, "q.csv", "name;tags;n\n\"a,b,c,d\";\"x,y\";1\n\"e,f\";\"z\";2\n", StandardCharsets.UTF_8);

        assertThat(TabularSource.open(file).textLayout().orElseThrow().delimiter()).isEqualTo(';');
    }

    @Test
    void cleansHeaderNames() throws IOException {
        Path file = Fixtures.text(dir, "h.csv", " Date ,,Date\n1,2,3\n", StandardCharsets.UTF_8);

        try (RowReader rows = TabularSource.open(file).openRows()) {
            assertThat(rows.header()).containsExactly("Date", "Column 2", "Date (2)");
        }
    }

    @Test
    void refusesEmptyFile() throws IOException {
        Path file = Fixtures.text(dir, "empty.csv", "", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TabularSource.open(file))
                .isInstanceOf(UnreadableFileException.class).hasMessage("The file is empty.");
    }

    @Test
    void refusesWhitespaceOnlyFileAsEmpty() throws IOException {
        Path file = Fixtures.text(dir, "blank.csv", "\n\r\n  \n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TabularSource.open(file)).hasMessage("The file is empty.");
    }

    @Test
    void refusesHeaderOnlyFileWhenRowsAreOpened() throws IOException {
        Path file = Fixtures.text(dir, "header.csv", "date,sku,units\n\n", StandardCharsets.UTF_8);
        TabularSource source = TabularSource.open(file);

        assertThatThrownBy(source::openRows)
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("The file has a header row but no data rows.");
    }

    @Test
    void refusesBinaryFileRenamedToCsv() throws IOException {
        byte[] noise = new byte[10_000];
        new Random(7).nextBytes(noise);
        Path file = dir.resolve("photo.csv");
        Files.write(file, noise);

        assertThatThrownBy(() -> TabularSource.open(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("The file looks binary, not a CSV/TSV text file");
    }

    @Test
    void refusesRowWithTenThousandColumns() throws IOException {
        String wide = String.join(",", java.util.Collections.nCopies(10_000, "7"));
        Path file = Fixtures.text(dir, "wide.csv", "a,b\n1,2\n" + wide + "\n", StandardCharsets.UTF_8);

        try (RowReader rows = TabularSource.open(file).openRows()) {
            rows.next();
            assertThatThrownBy(rows::next)
                    .isInstanceOf(UnreadableFileException.class)
                    .hasMessage("Line 3 has 10,000 columns; at most 2,000 are supported. "
                            + "Please check that the file is a table with one record per row.");
        }
    }

    @Test
    void refusesValueLongerThanOneMillionCharacters() throws IOException {
        Path file = Fixtures.text(dir, "long.csv", "a,b\n1,\"" + "x".repeat(1_000_001) + "\"\n", StandardCharsets.UTF_8);

        TabularSource source = TabularSource.open(file);

        assertThatThrownBy(source::openRows)
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("A value on line 2 is longer than 1,000,000 characters");
    }

    @Test
    void refusesUnclosedQuoteThatWouldSwallowTheFile() throws IOException {
        StringBuilder content = new StringBuilder("a,b\n1,\"oops\n");
        for (int i = 0; i < 2_000; i++) {
            content.append(i).append(",row ").append(i).append('\n');
        }
        Path file = Fixtures.text(dir, "quote.csv", content.toString(), StandardCharsets.UTF_8);
        TabularSource source = TabularSource.open(file, ReadOptions.defaults().withMaxRecordChars(5_000));

        assertThatThrownBy(source::openRows)
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("The row starting at line 2 is longer than 5,000 characters");
    }

    @Test
    void reportsQuoteNeverClosedAtEndOfFile() throws IOException {
        Path file = Fixtures.text(dir, "eof.csv", "a,b\n1,2\n3,\"never closed\n", StandardCharsets.UTF_8);

        try (RowReader rows = TabularSource.open(file).openRows()) {
            rows.next();
            assertThatThrownBy(rows::next).hasMessage(
                    "A quoted value starting at line 3 is never closed. Please check that line for a stray quote (\").");
        }
    }

    @Test
    void readsGzipCompressedCsv() throws IOException {
        Path file = dir.resolve("data.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("sku\tunits\nA\t1\nB\t2\n".getBytes(StandardCharsets.UTF_8));
        }

        TabularSource source = TabularSource.open(file);

        assertThat(source.textLayout().orElseThrow().gzipCompressed()).isTrue();
        assertThat(readAll(source)).extracting(row -> row.value(1)).containsExactly("1", "2");
    }

    @Test
    void refusesTruncatedGzip() throws IOException {
        Path whole = dir.resolve("whole.csv.gz");
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(whole)), StandardCharsets.UTF_8))) {
            Random random = new Random(1);
            out.write("id,value\n");
            for (int i = 0; i < 50_000; i++) {
                out.write(i + "," + random.nextInt() + "\n");
            }
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> readAll(TabularSource.open(cut)))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("The compressed file is damaged or incomplete");
    }

    @Test
    void streamsTwoMillionRowsWithoutKeepingThem() throws IOException {
        Path file = dir.resolve("big.csv.gz");
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            out.write("date,sku,units,revenue\n");
            for (int i = 0; i < 2_000_000; i++) {
                out.write("2024-03-05,SKU-");
                out.write(Integer.toString(i % 5_000));
                out.write(",3,12.50\n");
            }
        }

        long count = 0;
        long lastLine = 0;
        try (RowReader rows = TabularSource.open(file).openRows()) {
            while (rows.hasNext()) {
                lastLine = rows.next().number();
                count++;
            }
        }

        assertThat(count).isEqualTo(2_000_000);
        assertThat(lastLine).isEqualTo(2_000_001);
    }

    @Test
    void readsRealOnlineRetailFileWhenAvailable() {
        Path file = findUpwards(Path.of("shared", "datasets", "online-retail", "online_retail.csv.gz"));
        assumeThat(file).as("UCI Online Retail file").isNotNull();

        TabularSource source = TabularSource.open(file);
        long rows = 0;
        try (RowReader reader = source.openRows()) {
            assertThat(reader.header()).containsExactly("InvoiceNo", "StockCode", "Description", "Quantity",
                    "InvoiceDate", "UnitPrice", "CustomerID", "Country");
            while (reader.hasNext()) {
                reader.next();
                rows++;
            }
        }
        assertThat(rows).isEqualTo(541_909);
    }

    private static Path findUpwards(Path relative) {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private Path twoSheetWorkbook() throws IOException {
        Path file = dir.resolve("book.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("m/d/yy"));
            CellStyle dateTimeStyle = workbook.createCellStyle();
            dateTimeStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle moneyStyle = workbook.createCellStyle();
            moneyStyle.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));

            XSSFSheet readme = workbook.createSheet("Readme");
            readme.createRow(0).createCell(0).setCellValue("Exported from shop");
            readme.createRow(1).createCell(0).setCellValue("see Sales");

            XSSFSheet sales = workbook.createSheet("Sales");
            XSSFRow header = sales.createRow(0);
            String[] names = {"Date", "Ordered at", "SKU", "Units", "Price", "Revenue", "Order no", "Gift"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            XSSFRow row = sales.createRow(2);
            XSSFCell date = row.createCell(0);
            date.setCellValue(45356);
            date.setCellStyle(dateStyle);
            XSSFCell orderedAt = row.createCell(1);
            orderedAt.setCellValue(45356.5986111111);
            orderedAt.setCellStyle(dateTimeStyle);
            row.createCell(2).setCellValue("A-1");
            row.createCell(3).setCellValue(3);
            XSSFCell price = row.createCell(4);
            price.setCellValue(1234.5);
            price.setCellStyle(moneyStyle);
            XSSFCell revenue = row.createCell(5);
            revenue.setCellFormula("D3*E3");
            revenue.setCellValue(99);
            row.createCell(6).setCellValue(536365012345.0);
            row.createCell(7).setCellValue(true);
            workbook.write(Files.newOutputStream(file));
        }
        return file;
    }

    @Test
    void listsSheetsAndStreamsChosenSheetWithIsoDatesAndCachedFormulaValues() throws IOException {
        TabularSource source = TabularSource.open(twoSheetWorkbook());

        assertThat(source.format()).isEqualTo(SourceFormat.XLSX);
        assertThat(source.sheetNames()).containsExactly("Readme", "Sales");
        try (RowReader rows = source.openRows("Sales")) {
            assertThat(rows.header()).containsExactly("Date", "Ordered at", "SKU", "Units", "Price", "Revenue",
                    "Order no", "Gift");
            Row row = rows.next();
            assertThat(row.number()).isEqualTo(3);
            assertThat(row.values()).containsExactly("2024-03-05", "2024-03-05T14:22:00", "A-1", "3", "1,234.50",
                    "99", "536365012345", "TRUE");
            assertThat(rows.hasNext()).isFalse();
        }
    }

    @Test
    void opensFirstSheetByDefaultAndRefusesUnknownSheet() throws IOException {
        TabularSource source = TabularSource.open(twoSheetWorkbook());

        try (RowReader rows = source.openRows()) {
            assertThat(rows.header()).containsExactly("Exported from shop");
        }
        assertThatThrownBy(() -> source.openRows("Nope")).hasMessage("The Excel file has no sheet named 'Nope'.");
    }

    @Test
    void refusesHeaderOnlySheet() throws IOException {
        Path file = dir.resolve("header-only.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Data").createRow(0).createCell(0).setCellValue("date");
            workbook.write(Files.newOutputStream(file));
        }

        assertThatThrownBy(() -> TabularSource.open(file).openRows())
                .hasMessage("The sheet 'Data' has a header row but no data rows.");
    }

    @Test
    void refusesTruncatedXlsx() throws IOException {
        byte[] bytes = Files.readAllBytes(twoSheetWorkbook());
        Path cut = dir.resolve("cut.xlsx");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));

        assertThatThrownBy(() -> TabularSource.open(cut).openRows())
                .isInstanceOfSatisfying(UnreadableFileException.class,
                        e -> assertThat(e.reason().key()).isEqualTo("read.excel.damaged"));
    }

    @Test
    void refusesZipThatIsNotAWorkbook() throws IOException {
        Path file = dir.resolve("archive.xlsx");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("data.csv"));
            zip.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> TabularSource.open(file))
                .hasMessageStartingWith("The file is a ZIP archive but not an Excel workbook.");
    }

    @Test
    void refusesXlsxZipBomb() throws IOException {
        byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
        Path bomb = Fixtures.replaceZipEntry(twoSheetWorkbook(), dir.resolve("bomb.xlsx"), "xl/worksheets/sheet1.xml",
                out -> {
                    out.write(("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                            + "spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 200; i++) {
                        out.write(spaces);
                    }
                    out.write("</sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII));
                });
        assertThat(Files.size(bomb)).isLessThan(2L * 1024 * 1024);

        assertThatThrownBy(() -> TabularSource.open(bomb).openRows())
                .isInstanceOfSatisfying(UnreadableFileException.class,
                        e -> assertThat(e.reason().key()).isEqualTo("read.excel.zipBomb"));
    }

    @Test
    void refusesXmlEntityExpansion() throws IOException {
        Path hostile = Fixtures.replaceZipEntry(twoSheetWorkbook(), dir.resolve("laughs.xlsx"),
                "xl/worksheets/sheet1.xml", out -> out.write(("<?xml version=\"1.0\"?>"
                        + "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                        + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&c;</t></is></c></row>"
                        + "<row r=\"2\"><c r=\"A2\"><v>1</v></c></row>"
                        + "</sheetData></worksheet>").getBytes(StandardCharsets.US_ASCII)));

        assertThatThrownBy(() -> TabularSource.open(hostile).openRows())
                .isInstanceOfSatisfying(UnreadableFileException.class,
                        e -> assertThat(e.reason().key()).isEqualTo("read.excel.unsafeXml"));
    }

    @Test
    void readsLegacyXlsWithDates() throws IOException {
        Path file = dir.resolve("old.xls");
        try (Workbook workbook = new HSSFWorkbook()) {
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet sheet = workbook.createSheet("Umsatz");
            sheet.createRow(0).createCell(0).setCellValue("Datum");
            sheet.getRow(0).createCell(1).setCellValue("Menge");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(45356);
            row.getCell(0).setCellStyle(dateStyle);
            row.createCell(1).setCellValue(2.5);
            workbook.write(Files.newOutputStream(file));
        }

        TabularSource source = TabularSource.open(file);

        assertThat(source.format()).isEqualTo(SourceFormat.XLS);
        assertThat(source.sheetNames()).containsExactly("Umsatz");
        assertThat(readAll(source)).singleElement().extracting(Row::values).asList()
                .containsExactly("2024-03-05", "2.5");
    }

    @Test
    void refusesOversizedLegacyXls() throws IOException {
        Path file = dir.resolve("big.xls");
        try (Workbook workbook = new HSSFWorkbook()) {
            workbook.createSheet("S").createRow(0).createCell(0).setCellValue("x");
            workbook.write(Files.newOutputStream(file));
        }

        assertThatThrownBy(() -> TabularSource.open(file, ReadOptions.defaults().withMaxLegacyXlsBytes(1_000)))
                .hasMessageStartingWith("The .xls file is larger than");
    }
}
