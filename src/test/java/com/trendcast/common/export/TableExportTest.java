package com.trendcast.common.export;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableExportTest {

    private static final ExportTable TABLE = new ExportTable("预测", List.of("series", "date", "forecast"), List.of(
            Arrays.asList("=HYPERLINK(\"http://x\")", LocalDate.of(2015, 7, 1), 12.5),
            Arrays.asList("-1+2", LocalDate.of(2015, 7, 2), -3.0),
            Arrays.asList("厨房, \"Kitchen\"", null, 1234567.0)));

    @Test
    void csvNeutralisesFormulaTextButKeepsNegativeNumbers() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableExport.writeCsv(TABLE, out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFFseries,date,forecast\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",2015-07-01,12.5\r\n"
                + "'-1+2,2015-07-02,-3\r\n"
                + "\"厨房, \"\"Kitchen\"\"\",,1234567\r\n");
    }

    @Test
    void xlsxKeepsNumbersAndDatesTypedAndTextNeutralised() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableExport.writeXlsx(TABLE, out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("预测");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("forecast");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
            assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2015, 7, 1));
            assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(-3.0);
            assertThat(sheet.getRow(3).getCell(1)).isNull();
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void rowsMustMatchTheHeaderAndHoldSupportedCells() {
        assertThatThrownBy(() -> new ExportTable("t", List.of("a", "b"), List.of(List.of("x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExportTable("t", List.of("a"), List.of(List.of(new Object()))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
