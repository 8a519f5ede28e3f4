package com.trendcast.dataset;

import com.trendcast.common.UserFacingException;
import com.trendcast.dataset.read.mapping.ColumnMapping;
import com.trendcast.dataset.read.mapping.DatasetKind;
import com.trendcast.security.AccessScope;
import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.testsupport.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class DatasetImportServiceTest {

    private static final AccessScope ADMIN = AccessScope.operator();

    @Autowired
    private DatasetImportService imports;
    @Autowired
    private DatasetService datasets;
    @Autowired
    private UserService users;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeHook() {
        imports.beforeRow = row -> { };
    }

    private ImportResult importProposed(Path file, ReturnsPolicy returns, String owner) {
        ColumnMapping mapping = imports.preview(file, null).proposal().mapping();
        return imports.importFile(ImportRequest.of(file, file.getFileName().toString(), mapping)
                .withDatasetName(file.getFileName() + " " + suffix).withReturns(returns).withOwner(owner));
    }

    @Test
    void gbkFileWithChineseHeadersImportsWithHandCheckedTotals() throws Exception {
        String fruit = "水果" + suffix;
        Path file = ImportFiles.write(dir, "销售.csv", """
                日期,商品编号,商品名称,类目,数量,单价,地区
                2024-03-05,A1,苹果,%1$s,2,3.50,北京
                2024-03-05,A1,苹果,%1$s,1,3.50,北京
                2024-03-06,B2,香蕉,%1$s,4,1.25,上海
                """.formatted(fruit), Charset.forName("GBK"));

        ImportPreview preview = imports.preview(file, null);
        assertThat(preview.proposal().mapping().kind()).isEqualTo(DatasetKind.SALES);
        ImportResult result = importProposed(file, null, null);

        // units 2 + 1 + 4 = 7; revenue 7.00 + 3.50 + 5.00 = 15.50
        assertThat(result.report().totals().get("units")).isEqualByComparingTo("7");
        assertThat(result.report().totals().get("revenue")).isEqualByComparingTo("15.50");
        List<Map<String, Object>> days = jdbc.queryForList("select p.sku, p.name, p.category1, s.region, s.units,"
                + " s.revenue, s.orders, s.avg_price from sales_daily s join product p on p.id = s.product_id"
                + " where s.dataset_id = ? order by s.sale_date", result.datasetId());
        assertThat(days).hasSize(2);
        assertThat(days.get(0)).containsEntry("SKU", "A1").containsEntry("NAME", "苹果")
                .containsEntry("CATEGORY1", fruit).containsEntry("REGION", "北京")
                .containsEntry("UNITS", 3.0).containsEntry("REVENUE", 10.5).containsEntry("ORDERS", 2)
                .containsEntry("AVG_PRICE", 3.5);
        assertThat(datasets.get(ADMIN, result.datasetId()).rowsImported()).isEqualTo(3);
    }

    @Test
    void returnsAreNettedOrDroppedAsChosenAndNeverSilently() throws Exception {
        Path file = ImportFiles.retailWithReturn(dir);

        assertThatThrownBy(() -> importProposed(file, null, null))
                .isInstanceOf(ImportRefusedException.class)
                .hasMessageContaining("1 returns or cancellations");
        ImportReport net = importProposed(file, ReturnsPolicy.NET, null).report();
        ImportReport drop = importProposed(file, ReturnsPolicy.DROP, null).report();

        assertThat(net.totals().get("units")).isEqualByComparingTo("8");
        assertThat(net.totals().get("revenue")).isEqualByComparingTo("22.20");
        assertThat(net.returnsDropped()).isZero();
        assertThat(drop.totals().get("units")).isEqualByComparingTo("10");
        assertThat(drop.totals().get("revenue")).isEqualByComparingTo("27.30");
        assertThat(drop.returnsDropped()).isEqualTo(1);
        assertThat(drop.rowsImported()).isEqualTo(2);
    }

    @Test
    void invalidRowsRefuseTheFileUnlessSkippedAndBelowTheAllowedShare() throws Exception {
        Path fewBad = ImportFiles.salesWithInvalidRows(dir, "few.csv", "Garden" + suffix, 40, 1);
        ColumnMapping mapping = imports.preview(fewBad, null).proposal().mapping();
        ImportRequest request = ImportRequest.of(fewBad, "few.csv", mapping).withDatasetName("few " + suffix);

        assertThatThrownBy(() -> imports.importFile(request))
                .isInstanceOf(ImportRefusedException.class).hasMessageContaining("1 of 41 rows are invalid");
        ImportResult skipped = imports.importFile(request.withSkipInvalid(true));
        assertThat(skipped.report().rowsImported()).isEqualTo(40);
        assertThat(skipped.report().rowsRejected()).isEqualTo(1);
        assertThat(skipped.report().firstProblems().get(0).rowNumber()).isEqualTo(42);

        Path manyBad = ImportFiles.salesWithInvalidRows(dir, "many.csv", "Garden" + suffix, 30, 10);
        Path report = dir.resolve("errors.csv");
        ImportRequest tooMany = ImportRequest.of(manyBad, "many.csv", mapping).withSkipInvalid(true)
                .withErrorReport(report).withDatasetName("many " + suffix);
        assertThatThrownBy(() -> imports.importFile(tooMany))
                .isInstanceOf(ImportRefusedException.class).hasMessageContaining("10 of 40 rows are invalid (25%)");
        assertThat(Files.readString(report, StandardCharsets.UTF_8))
                .contains("32,Quantity,'=1+1,Not a number.");
        assertThat(jdbc.queryForObject("select count(*) from dataset where name = ?", Long.class, "many " + suffix))
                .isZero();
    }

    @Test
    void aFailureInTheMiddleLeavesNoRowsAndNoDataset() throws Exception {
        StringJoiner csv = new StringJoiner("\n", "", "\n");
        csv.add("Administrative,ProductRelated,BounceRates,VisitorType,Revenue");
        for (int i = 0; i < 3_000; i++) {
            csv.add(i % 5 + "," + i % 40 + ",0." + i % 10 + ",Returning_Visitor," + (i % 7 == 0 ? "TRUE" : "FALSE"));
        }
        Path file = ImportFiles.write(dir, "sessions.csv", csv.toString(), StandardCharsets.UTF_8);
        ColumnMapping mapping = new ColumnMapping(DatasetKind.SESSIONS, Map.of("label", "Revenue"),
                List.of("Administrative", "ProductRelated", "BounceRates", "VisitorType"), Map.of(), Map.of());
        long sessionsBefore = jdbc.queryForObject("select count(*) from session_record", Long.class);
        imports.beforeRow = row -> {
            if (row.number() == 2_500) {
                throw new IllegalStateException("disk full");
            }
        };

        assertThatThrownBy(() -> imports.importFile(ImportRequest.of(file, "sessions.csv", mapping)
                .withDatasetName("crash " + suffix))).hasMessage("disk full");

        assertThat(jdbc.queryForObject("select count(*) from session_record", Long.class)).isEqualTo(sessionsBefore);
        assertThat(jdbc.queryForObject("select count(*) from dataset where name = ?", Long.class, "crash " + suffix))
                .isZero();
        imports.beforeRow = row -> { };
        ImportResult stored = imports.importFile(ImportRequest.of(file, "sessions.csv", mapping));
        assertThat(stored.report().totals().get("sessions")).isEqualByComparingTo(BigDecimal.valueOf(3_000));
        assertThat(jdbc.queryForObject("select count(*) from session_record where dataset_id = ?", Long.class,
                stored.datasetId())).isEqualTo(3_000);
        assertThat(jdbc.queryForObject("select numeric_values from session_record where dataset_id = ?"
                + " and source_row = 3", String.class, stored.datasetId())).isEqualTo("[1.0,1.0,0.1]");
    }

    @Test
    void reUploadingTheSameBytesIsNoticedAndAConfirmedMappingIsOfferedAgain() throws Exception {
        Path file = ImportFiles.retailWithReturn(dir);
        ImportResult first = importProposed(file, ReturnsPolicy.NET, null);

        UploadedFile again = imports.inspect(ADMIN, file, "retail.csv");

        assertThat(again.alreadyImported()).isTrue();
        assertThat(again.sameFile()).extracting(DatasetSummary::id).contains(first.datasetId());
        assertThat(imports.preview(file, null).fromTemplate()).isTrue();
    }

    @Test
    void managersSeeTheirCategoriesAndOwnUploadsAndOnlyOwnersChangeDatasets() throws Exception {
        String kitchen = "Kitchen" + suffix;
        String garden = "Garden" + suffix;
        String kim = TestUsers.create(users, Role.MANAGER, kitchen);
        String gus = TestUsers.create(users, Role.MANAGER, garden);
        long kitchenData = importProposed(ImportFiles.salesWithInvalidRows(dir, "k.csv", kitchen, 3, 0), null, null)
                .datasetId();
        long gusUpload = importProposed(ImportFiles.salesWithInvalidRows(dir, "g.csv", "Tools" + suffix, 3, 0), null,
                gus).datasetId();
        AccessScope kimScope = users.scopeOf(kim);
        AccessScope gusScope = users.scopeOf(gus);

        assertThat(datasets.list(kimScope)).extracting(DatasetSummary::id).contains(kitchenData).doesNotContain(gusUpload);
        assertThat(datasets.list(gusScope)).extracting(DatasetSummary::id).contains(gusUpload).doesNotContain(kitchenData);
        assertThat(datasets.list(ADMIN)).extracting(DatasetSummary::id).contains(kitchenData, gusUpload);
        assertThatThrownBy(() -> datasets.get(kimScope, gusUpload)).isInstanceOf(UserFacingException.class);

        assertThatThrownBy(() -> datasets.rename(kimScope, kitchenData, "mine"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("Only the person who uploaded");
        assertThat(datasets.rename(gusScope, gusUpload, "Tools " + suffix).name()).isEqualTo("Tools " + suffix);
        datasets.delete(gusScope, gusUpload);
        assertThat(jdbc.queryForObject("select count(*) from sales_daily where dataset_id = ?", Long.class, gusUpload))
                .isZero();
        assertThat(datasets.list(ADMIN)).extracting(DatasetSummary::id).doesNotContain(gusUpload);
    }

    @Test
    void aFileThatIsNoTableIsRefusedWithAReadableMessage() throws Exception {
        Path file = dir.resolve("photo.csv");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0});

        assertThatThrownBy(() -> imports.inspect(ADMIN, file, "photo.csv"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("This file cannot be imported:")
                .hasMessageNotContaining("Exception");
    }
}
