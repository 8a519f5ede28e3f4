package com.trendcast.behaviour.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.trendcast.behaviour.BehaviourFixtures;
import com.trendcast.behaviour.EventInsights;
import com.trendcast.behaviour.PropensityRun;
import com.trendcast.behaviour.TrendGrain;
import com.trendcast.dataset.DatasetImportService;
import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.testsupport.KaribuSpringTest;
import com.trendcast.testsupport.TestUsers;
import com.trendcast.ui.ExportLinks;
import com.trendcast.ui.chart.ApexChart;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.QueryParameters;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class BehaviourViewTest extends KaribuSpringTest {

    @Autowired
    private UserService users;
    @Autowired
    private DatasetImportService imports;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String toys = "Toys-" + suffix;
    private final String garden = "Garden-" + suffix;

    @BeforeEach
    void onlyThisTestsBehaviourData() {
        jdbc.update("delete from dataset where kind in ('EVENTS', 'SESSIONS')");
    }

    @Test
    void withoutBehaviourDataTheViewSaysWhereToUploadIt() {
        openAs(TestUsers.create(users, Role.ADMIN));

        UI.getCurrent().navigate("behaviour");

        Div empty = _get(Div.class, spec -> spec.withId("behaviour-empty"));
        assertThat(empty.getElement().getTextRecursively()).contains("Data page");
    }

    @Test
    void choosingAnEventDatasetShowsFunnelTrendHeatmapAndTopItems() throws Exception {
        long events = BehaviourFixtures.events(imports, dir, toys, garden, null, true);
        openAs(TestUsers.create(users, Role.ADMIN));

        UI.getCurrent().navigate("behaviour", QueryParameters.fromString("dataset=" + events + "&minViewers=2"));
        awaitUi(() -> !_find(ApexChart.class, spec -> spec.withId("behaviour-funnel")).isEmpty());

        // 6 viewers, 4 with a cart step (66.7 % of viewers), 4 buyers (100 % of carts)
        assertThat(chartJson("behaviour-funnel")).contains("[6,4,4]").contains("66.7%").contains("100%");
        assertThat(chartJson("behaviour-trend")).contains("Conversion per day");
        assertThat(chartJson("behaviour-heatmap")).contains("\"name\":\"Mon\"").contains("\"x\":\"10\",\"y\":4");
        assertThat(chartJson("behaviour-top-items")).contains("A (2/3)").contains("C (1/2)").doesNotContain("D (");
        assertThat(_get(Div.class, spec -> spec.withId("behaviour-event-types")).getText())
                .contains("addtocart (3)").contains("not in the funnel: fav (1)");
    }

    @Test
    void topItemsAreListedWithTheirFunnelAndDownloadAsShown() throws Exception {
        long events = BehaviourFixtures.events(imports, dir, toys, garden, null, true);
        openAs(TestUsers.create(users, Role.ADMIN));

        UI.getCurrent().navigate("behaviour", QueryParameters.fromString("dataset=" + events + "&minViewers=2"));
        awaitUi(() -> !_find(Grid.class, spec -> spec.withId("behaviour-top-items-table")).isEmpty());
        @SuppressWarnings("unchecked")
        Grid<EventInsights.ItemConversion> table = _get(Grid.class, spec -> spec.withId("behaviour-top-items-table"));
        BehaviourView view = _get(BehaviourView.class);

        // A: 3 viewers, 1 cart, 2 buyers (66.67 %); C: 2 viewers, 1 cart, 1 buyer (50 %)
        assertThat(GridKt._size(table)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(table, 0)).containsExactly("A", "3", "1", "2", "66.7%");
        assertThat(GridKt._getFormattedRow(table, 1)).containsExactly("C", "2", "1", "1", "50%");
        String csv = new String(view.topItemsExportBytes(ExportLinks.Format.CSV), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFFItem,Viewer-days,Cart-days,Buyer-days,Conversion (%)\r\n"
                + "A,3,1,2,66.67\r\nC,2,1,1,50\r\n");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                view.topItemsExportBytes(ExportLinks.Format.XLSX)))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("A");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(3.0);
            assertThat(sheet.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(66.67);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void filtersLiveInTheUrlAndNarrowTheCharts() throws Exception {
        long events = BehaviourFixtures.events(imports, dir, toys, garden, null, true);
        openAs(TestUsers.create(users, Role.ADMIN));

        UI.getCurrent().navigate("behaviour", QueryParameters.fromString("dataset=" + events + "&cat=" + garden
                + "&minViewers=1"));
        awaitUi(() -> !_find(ApexChart.class, spec -> spec.withId("behaviour-funnel")).isEmpty());
        assertThat(chartJson("behaviour-funnel")).contains("[2,1,1]");

        @SuppressWarnings("unchecked")
        RadioButtonGroup<TrendGrain> grain = _get(RadioButtonGroup.class, spec -> spec.withId("behaviour-grain"));
        com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue(grain, TrendGrain.WEEK);

        assertThat(currentUrl()).contains("dataset=" + events).contains("cat=" + garden).contains("minViewers=1")
                .contains("grain=week");
    }

    @Test
    void aManagerSeesOnlyTheEventsOfTheirCategories() throws Exception {
        long events = BehaviourFixtures.events(imports, dir, toys, garden, null, true);
        openAs(TestUsers.create(users, Role.MANAGER, toys));

        UI.getCurrent().navigate("behaviour", QueryParameters.fromString("dataset=" + events + "&minViewers=1"));
        awaitUi(() -> !_find(ApexChart.class, spec -> spec.withId("behaviour-funnel")).isEmpty());

        assertThat(chartJson("behaviour-funnel")).contains("[4,3,3]");
        assertThat(chartJson("behaviour-top-items")).contains("A (2/3)").doesNotContain("C (");
        @SuppressWarnings("unchecked")
        ComboBox<String> category = _get(ComboBox.class, spec -> spec.withId("behaviour-category"));
        assertThat(category.getListDataView().getItems().toList()).containsExactly(toys);
    }

    @Test
    void aManagerCannotOpenAnotherUsersUnsharedDatasetThroughTheUrl() throws Exception {
        String owner = TestUsers.create(users, Role.MANAGER, toys);
        long privateEvents = BehaviourFixtures.events(imports, dir, toys, garden, owner, false);
        openAs(TestUsers.create(users, Role.MANAGER, toys));

        UI.getCurrent().navigate("behaviour", QueryParameters.of("dataset", String.valueOf(privateEvents)));

        assertThat(_find(Div.class, spec -> spec.withId("behaviour-empty"))).hasSize(1);
        assertThat(_find(ApexChart.class)).isEmpty();
    }

    @Test
    void sessionsShowSegmentsAndTheThresholdUpdatesTheConfusionMatrixWithoutRetraining() throws Exception {
        long sessions = BehaviourFixtures.separableSessions(imports, dir, "propensity " + suffix);
        openAs(TestUsers.create(users, Role.MANAGER, "Nothing-" + suffix));

        UI.getCurrent().navigate("behaviour", QueryParameters.of("dataset", String.valueOf(sessions)));
        awaitUi(() -> !_find(ApexChart.class, spec -> spec.withId("behaviour-segment-rate")).isEmpty());
        assertThat(chartJson("behaviour-segment-rate")).contains("Conversion rate by VisitorType");

        long started = System.nanoTime();
        _click(_get(Button.class, spec -> spec.withId("behaviour-train")));
        assertThat(_find(Div.class, spec -> spec.withId("behaviour-train-status")).get(0).getElement()
                .getTextRecursively()).isNotBlank();
        awaitUi(() -> !_find(Span.class, spec -> spec.withId("cm-tp")).isEmpty());
        System.out.printf("UI training on 400 sessions took %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
        assertThat(chartJson("behaviour-roc")).contains("Random guess").contains("Neural network (DL4J)");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'propensity.train'"
                + " and detail like ?", Long.class, "Dataset " + sessions + " %")).isEqualTo(1);

        ThresholdSlider slider = _get(ThresholdSlider.class, spec -> spec.withId("behaviour-threshold"));
        List<long[]> matrices = new ArrayList<>();
        for (int percent : new int[]{5, 50, 95}) {
            slider.setValue(percent);
            long[] cells = {cell("tp"), cell("fn"), cell("fp"), cell("tn")};
            // stratified 30 % of 100 buyers and 300 others, whatever the threshold
            assertThat(cells[0] + cells[1]).isEqualTo(30);
            assertThat(cells[2] + cells[3]).isEqualTo(90);
            assertThat(_get(Span.class, spec -> spec.withId("behaviour-threshold-value")).getText())
                    .isEqualTo(String.format(java.util.Locale.ENGLISH, "0.%02d", percent));
            matrices.add(cells);
        }
        // a lower threshold flags at least as many sessions, and across 5 % .. 95 % some move
        assertThat(matrices.get(0)[0]).isGreaterThanOrEqualTo(matrices.get(1)[0]);
        assertThat(matrices.get(1)[0]).isGreaterThanOrEqualTo(matrices.get(2)[0]);
        assertThat(matrices.get(0)[2]).isGreaterThan(matrices.get(2)[2]);
        long accuracyPercent = Math.round(100.0 * (matrices.get(2)[0] + matrices.get(2)[3]) / 120);
        assertThat(_get(Span.class, spec -> spec.withId("metric-accuracy")).getText()).startsWith(String.valueOf(accuracyPercent));
    }

    @Test
    void leavingThePageStopsTrainingBeforeItFinishes() throws Exception {
        long sessions = BehaviourFixtures.separableSessions(imports, dir, "left " + suffix);
        openAs(TestUsers.create(users, Role.ADMIN));
        UI.getCurrent().navigate("behaviour", QueryParameters.of("dataset", String.valueOf(sessions)));
        awaitUi(() -> !_find(Button.class, spec -> spec.withId("behaviour-train")).isEmpty());
        BehaviourView view = _get(BehaviourView.class);

        _click(_get(Button.class, spec -> spec.withId("behaviour-train")));
        UI.getCurrent().navigate("sales");
        awaitUi(() -> !view.isTraining());

        // a finished training would have been audited with the dataset's id
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'propensity.train'"
                + " and detail like ?", Long.class, "Dataset " + sessions + " %")).isZero();
    }

    @Test
    void scoredRowExportsNeutraliseFormulaText() throws Exception {
        long sessions = BehaviourFixtures.separableSessions(imports, dir, "export " + suffix);
        openAs(TestUsers.create(users, Role.ADMIN));
        UI.getCurrent().navigate("behaviour", QueryParameters.of("dataset", String.valueOf(sessions)));
        awaitUi(() -> !_find(Button.class, spec -> spec.withId("behaviour-train")).isEmpty());
        _click(_get(Button.class, spec -> spec.withId("behaviour-train")));
        awaitUi(() -> !_find(Span.class, spec -> spec.withId("cm-tp")).isEmpty());
        BehaviourView view = _get(BehaviourView.class);
        PropensityRun.ExportLabels labels = new PropensityRun.ExportLabels("Scored", "row", "probability",
                "predicted", "actual", "yes", "no");

        String csv = new String(view.exportBytes(labels, true), StandardCharsets.UTF_8);
        byte[] xlsx = view.exportBytes(labels, false);

        assertThat(csv).startsWith("\uFEFFrow,probability,predicted,actual,PageValues,ProductRelated,VisitorType\r\n");
        assertThat(csv).contains(",'=1+1\r\n").doesNotContain(",=1+1");
        assertThat(csv.lines().count()).isEqualTo(1 + 120);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> visitorTypes = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    visitorTypes.add(row.getCell(6).getStringCellValue());
                }
            }
            assertThat(visitorTypes).contains("'=1+1").doesNotContain("=1+1");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isBetween(0.0, 1.0);
        }
    }

    private static long cell(String key) {
        return Long.parseLong(_get(Span.class, spec -> spec.withId("cm-" + key)).getText().replace(",", ""));
    }

    /** Lets the background work finish and runs what it pushed to the UI, until {@code condition} holds. */
    private static void awaitUi(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            MockVaadin.runUIQueue();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the view did not show the expected result in time");
            }
            Thread.sleep(20);
        }
    }

    private static String chartJson(String id) {
        return _get(ApexChart.class, spec -> spec.withId(id)).getElement().getProperty("optionsJson");
    }

    private static String currentUrl() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }
}
