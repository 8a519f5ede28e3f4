package com.trendcast.dataset;

import com.trendcast.common.UserFacingException;
import com.trendcast.dataset.read.Fixtures;
import com.trendcast.dataset.read.mapping.ColumnMapping;
import com.trendcast.security.AccessScope;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hostile uploads through the service every upload path uses (view, command line, API): each is refused with
 * a specific message a category manager can act on, and nothing stored changes. File names from the user's
 * computer are display text only: they never become paths and lose control characters.
 */
@SpringBootTest(properties = "trendcast.import.max-file-size=2MB")
class HostileUploadTest {

    private static final AccessScope ADMIN = AccessScope.operator();
    private static final String SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    @Autowired
    private DatasetImportService imports;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;

    @Test
    void xlsxZipBombIsRefusedAndNothingIsStored() throws IOException {
        byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
        Path bomb = Fixtures.replaceZipEntry(workbook(), dir.resolve("bomb.xlsx"), "xl/worksheets/sheet1.xml",
                out -> {
                    write(out, "<?xml version=\"1.0\"?><worksheet xmlns=\"" + SHEET_NS + "\"><sheetData>");
                    for (int i = 0; i < 200; i++) {
                        out.write(spaces);
                    }
                    write(out, "</sheetData></worksheet>");
                });

        assertRefusedWithoutChange(bomb, "This file cannot be imported", "zip bomb");
    }

    @Test
    void xmlEntityExpansionIsRefusedAndNothingIsStored() throws IOException {
        Path laughs = Fixtures.replaceZipEntry(workbook(), dir.resolve("laughs.xlsx"), "xl/worksheets/sheet1.xml",
                out -> write(out, "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\">"
                        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                        + "<worksheet xmlns=\"" + SHEET_NS + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
                        + "<is><t>&c;</t></is></c></row></sheetData></worksheet>"));

        assertRefusedWithoutChange(laughs, "This file cannot be imported", "not allowed");
    }

    @Test
    void externalEntityCannotReadServerFiles() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        Path xxe = Fixtures.replaceZipEntry(workbook(), dir.resolve("xxe.xlsx"), "xl/worksheets/sheet1.xml",
                out -> write(out, "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM \""
                        + secret.toUri() + "\">]><worksheet xmlns=\"" + SHEET_NS + "\"><sheetData>"
                        + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is></c></row>"
                        + "</sheetData></worksheet>"));

        assertRefusedWithoutChange(xxe, "This file cannot be imported", "not allowed");
    }

    @Test
    void binaryContentBehindACsvExtensionIsRefused() throws IOException {
        byte[] noise = new byte[20_000];
        new Random(11).nextBytes(noise);
        Path photo = Files.write(dir.resolve("orders.csv"), noise);

        assertRefusedWithoutChange(photo, "This file cannot be imported", "looks binary");
    }

    /** The extension is never trusted: a CSV named .xlsx is read as the text it is, with exact totals. */
    @Test
    void contentNotTheExtensionDecidesHowAFileIsRead() throws IOException {
        Path renamed = Files.writeString(dir.resolve("orders.xlsx"),
                "Date,SKU,Product,Category,Quantity,Price\n"
                        + "2024-01-01,A,Lamp,Home,2,5.00\n2024-01-02,A,Lamp,Home,3,5.00\n");

        UploadedFile uploaded = imports.inspect(ADMIN, renamed, "orders.xlsx");
        ColumnMapping mapping = imports.preview(renamed, null).proposal().mapping();
        ImportResult result = imports.importFile(ImportRequest.of(renamed, uploaded.originalName(), mapping));

        assertThat(uploaded.sheets()).isEmpty();
        assertThat(jdbc.queryForObject("select sum(units) from sales_daily where dataset_id = ?", Double.class,
                result.datasetId())).isEqualTo(5.0);
        jdbc.update("delete from dataset where id = ?", result.datasetId());
    }

    @Test
    void fileOverTheSizeLimitIsRefusedBeforeReading() throws IOException {
        Path big = dir.resolve("big.csv");
        try (OutputStream out = Files.newOutputStream(big)) {
            write(out, "Date,SKU,Quantity,Price\n");
            byte[] line = "2024-01-01,SKU-1,1,2.50\n".getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written <= 2L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }

        assertRefusedWithoutChange(big, "larger than", "2 MB");
    }

    @Test
    void traversalAndControlCharactersInTheFileNameStayDisplayText() throws IOException {
        Path file = Files.writeString(dir.resolve("upload.csv"),
                "Date,SKU,Product,Category,Quantity,Price\n2024-01-01,A,Lamp\u001B[2J\u202E,Home,2,5.00\n");
        String hostileName = "../../../etc/passwd\u0000\u202Evsc.csv";
        long filesBefore = filesUnder(dir);

        UploadedFile uploaded = imports.inspect(ADMIN, file, hostileName);
        ColumnMapping mapping = imports.preview(file, null).proposal().mapping();
        ImportResult result = imports.importFile(ImportRequest.of(file, uploaded.originalName(), mapping));

        String storedName = jdbc.queryForObject("select name from dataset where id = ?", String.class,
                result.datasetId());
        assertThat(storedName).isEqualTo("../../../etc/passwdvsc.csv");
        assertThat(jdbc.queryForObject("select name from product where dataset_id = ?", String.class,
                result.datasetId())).isEqualTo("Lamp[2J");
        assertThat(filesUnder(dir)).isEqualTo(filesBefore);
        assertThat(Files.exists(dir.resolve("../../../etc/passwdvsc.csv").normalize())).isFalse();
        jdbc.update("delete from dataset where id = ?", result.datasetId());
    }

    private void assertRefusedWithoutChange(Path file, String... messageParts) {
        List<Long> before = storedCounts();

        assertThatThrownBy(() -> {
            UploadedFile uploaded = imports.inspect(ADMIN, file, file.getFileName().toString());
            ColumnMapping mapping = imports.preview(file, null).proposal().mapping();
            imports.importFile(ImportRequest.of(file, uploaded.originalName(), mapping));
        }).isInstanceOf(UserFacingException.class)
                .hasMessageContainingAll(messageParts)
                .hasMessageNotContaining("Exception");
        assertThat(storedCounts()).isEqualTo(before);
    }

    private List<Long> storedCounts() {
        return Stream.of("dataset", "product", "sales_daily", "session_record", "behaviour_event", "behaviour_event_hour",
                        "behaviour_visitor_day", "behaviour_item_day")
                .map(table -> jdbc.queryForObject("select count(*) from " + table, Long.class))
                .toList();
    }

    private Path workbook() throws IOException {
        Path file = dir.resolve("book.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = workbook.createSheet("Orders");
            String[][] cells = {{"Date", "SKU", "Quantity", "Price"}, {"2024-01-01", "A", "2", "5.00"}};
            for (int r = 0; r < cells.length; r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
            workbook.write(out);
        }
        return file;
    }

    private static long filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.count();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
}
