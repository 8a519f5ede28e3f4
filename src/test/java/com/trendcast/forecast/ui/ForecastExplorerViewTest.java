package com.trendcast.forecast.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.trendcast.forecast.ExplorerFixtures;
import com.trendcast.forecast.ExplorerNode;
import com.trendcast.pipeline.PipelineService;
import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.testsupport.KaribuSpringTest;
import com.trendcast.testsupport.TestUsers;
import com.trendcast.training.TrainingService;
import com.trendcast.ui.chart.ApexChart;
import com.trendcast.ui.chart.DataPointClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.QueryParameters;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static com.github.mvysny.kaributesting.v10.DownloadKt._download;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForecastExplorerViewTest extends KaribuSpringTest {

    /** A name a spreadsheet would run as a formula unless the export neutralises it. */
    private static final String HOSTILE_NAME = "=HYPERLINK(\"http://evil.example\",\"x\") ";
    private static final long LOAD_TIMEOUT_NANOS = 30_000_000_000L;

    @Autowired
    private UserService users;
    @Autowired
    private PipelineService pipelines;
    @Autowired
    private TrainingService training;
    @Autowired
    private JdbcTemplate jdbc;

    private long pipeline;
    private long productPipeline;
    private String pipelineName;

    @BeforeAll
    void trainAndPromote() {
        pipelineName = HOSTILE_NAME + UUID.randomUUID();
        long dataset = ExplorerFixtures.salesDataset(jdbc);
        pipeline = ExplorerFixtures.promotedPipeline(pipelines, training, dataset, List.of(), pipelineName);
        productPipeline = ExplorerFixtures.promotedPipeline(pipelines, training,
                ExplorerFixtures.productSpec(dataset), "explorer products " + UUID.randomUUID());
    }

    @Test
    void productsShowTheirDescriptionWithTheSkuWhileTheUrlKeepsTheSku() throws Exception {
        openAs(TestUsers.create(users, Role.ADMIN));
        UI.getCurrent().navigate("forecasts", QueryParameters.fromString("pipeline=" + productPipeline
                + "&path=Kitchen&path=Cookware"));
        awaitBreadcrumb("Cookware");

        @SuppressWarnings("unchecked")
        Select<ExplorerNode.Child> products = _get(Select.class, spec -> spec.withId("forecast-child"));
        assertThat(products.getListDataView().getItems().map(products.getItemLabelGenerator()))
                .containsExactly("Pan · PAN");
        assertThat(chartJson("forecast-breakdown")).contains("Pan · PAN");

        _setValue(products, products.getListDataView().getItem(0));
        awaitBreadcrumb("Pan · PAN");

        assertThat(currentUrl()).contains("path=Kitchen&path=Cookware&path&path=PAN").doesNotContain("Pan%20");
        assertThat(chartJson("forecast-chart")).contains("History and forecast: Pan · PAN");
        assertThat(_find(H3.class)).extracting(H3::getText).contains("Forecast table: Pan · PAN");
        String csv = new String(_download(_get(Anchor.class, spec -> spec.withId("forecast-export-csv"))),
                StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).contains("Product (SKU),Product description,Period start");
        assertThat(lines.get(1)).contains(",Kitchen,Cookware,,PAN,Pan,");
    }

    @Test
    void aManagerSeesTheirPartOfAPipelineOverEveryCategoryAndMetricsOverTheirSeriesOnly() {
        openAs(TestUsers.create(users, Role.MANAGER, "Kitchen"));

        UI.getCurrent().navigate("forecasts", QueryParameters.of("pipeline", Long.toString(pipeline)));

        awaitBreadcrumb("All series");
        assertThat(chartJson("forecast-breakdown")).contains("Kitchen").doesNotContain("Garden");
        assertThat(text("forecast-metrics-hint")).contains("recomputed over your 2 series");
        @SuppressWarnings("unchecked")
        Grid<Object> metrics = _get(Grid.class, spec -> spec.withId("forecast-metrics"));
        assertThat(GridKt._size(metrics)).isEqualTo(1);
        assertThat(_getFormattedRow(metrics, 0).get(0)).isEqualTo("LSTM (production)");
        String shown = _get(ForecastExplorerView.class).getElement().getTextRecursively();
        assertThat(shown).contains("Kitchen").doesNotContain("Garden", "Watering");
    }

    @Test
    void clickingABreakdownBarDrillsDownAndPutsThePathInTheUrl() {
        openAs(TestUsers.create(users, Role.ADMIN));
        UI.getCurrent().navigate("forecasts", QueryParameters.of("pipeline", Long.toString(pipeline)));
        awaitBreadcrumb("All series");
        assertThat(chartJson("forecast-chart")).contains("rangeArea").contains("History and forecast: All series");

        // children in series order: Garden, Kitchen
        clickBar(1);

        awaitBreadcrumb("Kitchen");
        assertThat(currentUrl()).contains("pipeline=" + pipeline).contains("path=Kitchen");
        assertThat(chartJson("forecast-chart")).contains("History and forecast: Kitchen");
        assertThat(chartJson("forecast-breakdown")).contains("Cookware").contains("Tableware")
                .doesNotContain("Garden");

        clickBar(0);
        awaitBreadcrumb("Cookware");
        assertThat(currentUrl()).contains("path=Kitchen&path=Cookware");
        assertThat(_find(ApexChart.class, spec -> spec.withId("forecast-breakdown"))).isEmpty();
        assertThat(text("forecast-interval-note")).contains("for this series");
    }

    @Test
    void aLinkRestoresTheNodeAndBaselinesAreOptionalLines() {
        openAs(TestUsers.create(users, Role.ADMIN));

        UI.getCurrent().navigate("forecasts", QueryParameters.fromString("pipeline=" + pipeline
                + "&path=Kitchen&path=Tableware"));

        awaitBreadcrumb("Tableware");
        assertThat(text("forecast-breadcrumb")).contains("Kitchen");
        assertThat(chartJson("forecast-chart")).contains("History and forecast: Tableware")
                .doesNotContain("Seasonal naive");

        @SuppressWarnings("unchecked")
        CheckboxGroup<String> baselines = _get(CheckboxGroup.class, spec -> spec.withId("forecast-baselines"));
        baselines.setValue(Set.of("seasonal-naive"));

        assertThat(chartJson("forecast-chart")).contains("Seasonal naive").doesNotContain("Moving average");
    }

    @Test
    void anAggregateSaysHowItsBandIsMade() {
        openAs(TestUsers.create(users, Role.ADMIN));

        UI.getCurrent().navigate("forecasts", QueryParameters.fromString("pipeline=" + pipeline + "&path=Kitchen"));

        awaitBreadcrumb("Kitchen");
        assertThat(text("forecast-interval-note")).contains("sum of lower to sum of upper bounds");
        @SuppressWarnings("unchecked")
        Grid<Object> metrics = _get(Grid.class, spec -> spec.withId("forecast-metrics"));
        assertThat(_getFormattedRow(metrics, 0).get(0)).isEqualTo("LSTM (production)");
        assertThat(GridKt._size(metrics)).isEqualTo(6);
    }

    @Test
    void aBaselineThatBeatTheProductionModelIsNamedWithBothWapes() {
        withStoredMetrics("{\"lstm\": {\"wape\": 0.392}, \"naive\": {\"wape\": 0.359},"
                + " \"moving-average\": {\"wape\": 0.272}, \"linear\": {\"wape\": 0.306}}", () -> {
            openAs(TestUsers.create(users, Role.ADMIN));
            UI.getCurrent().navigate("forecasts", QueryParameters.of("pipeline", Long.toString(pipeline)));
            awaitBreadcrumb("All series");

            assertThat(text("forecast-metrics-better")).isEqualTo("Moving average had a lower WAPE than the production"
                    + " model in this backtest (27.2% against 39.2%). Tick it under the baselines to draw its forecast"
                    + " in the chart.");
        });
        withStoredMetrics("{\"lstm\": {\"wape\": 0.392}, \"linear\": {\"wape\": 0.306}}", () -> {
            UI.getCurrent().navigate("forecasts", QueryParameters.of("pipeline", Long.toString(productPipeline)));
            UI.getCurrent().navigate("forecasts", QueryParameters.of("pipeline", Long.toString(pipeline)));
            awaitBreadcrumb("All series");

            // the linear model is not drawn in the chart, so nothing asks to tick it
            assertThat(text("forecast-metrics-better")).isEqualTo("Linear trend + calendar had a lower WAPE than the"
                    + " production model in this backtest (30.6% against 39.2%).");
        });
        withStoredMetrics("{\"lstm\": {\"wape\": 0.25}, \"naive\": {\"wape\": 0.359}}", () -> {
            UI.getCurrent().navigate("forecasts", QueryParameters.of("pipeline", Long.toString(productPipeline)));
            UI.getCurrent().navigate("forecasts", QueryParameters.of("pipeline", Long.toString(pipeline)));
            awaitBreadcrumb("All series");

            _assertNone(Paragraph.class, spec -> spec.withId("forecast-metrics-better"));
        });
    }

    /** Runs {@code check} with the production run of {@link #pipeline} holding {@code json} as its metrics. */
    private void withStoredMetrics(String json, Runnable check) {
        long runId = jdbc.queryForObject("select run_id from training_production where pipeline_id = ?", Long.class,
                pipeline);
        String stored = jdbc.queryForObject("select metrics_json from training_run where id = ?", String.class, runId);
        jdbc.update("update training_run set metrics_json = ? where id = ?", json, runId);
        try {
            check.run();
        } finally {
            jdbc.update("update training_run set metrics_json = ? where id = ?", stored, runId);
        }
    }

    @Test
    void exportsCarryThePathAndNeutraliseFormulas() throws Exception {
        openAs(TestUsers.create(users, Role.ADMIN));
        UI.getCurrent().navigate("forecasts", QueryParameters.fromString("pipeline=" + pipeline
                + "&path=Kitchen&path=Cookware"));
        awaitBreadcrumb("Cookware");

        String csv = new String(_download(_get(Anchor.class, spec -> spec.withId("forecast-export-csv"))),
                StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).contains("Pipeline", "Category", "Sub-category", "Period start", "Forecast",
                "Lower bound", "Upper bound");
        assertThat(lines).hasSize(1 + ExplorerFixtures.HORIZON);
        assertThat(lines.get(1)).startsWith("\"'=HYPERLINK(").contains(",Kitchen,Cookware,");

        byte[] xlsx = _download(_get(Anchor.class, spec -> spec.withId("forecast-export-xlsx")));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row first = workbook.getSheetAt(0).getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).startsWith("'=HYPERLINK(");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("Cookware");
        }
    }

    @Test
    void aManagerFollowingALinkToAPipelineOutsideTheirCategoriesSeesNothingOfIt() {
        // a category of its own, so pipelines other tests promote in the shared database stay out of sight
        openAs(TestUsers.create(users, Role.MANAGER, "Outdoor " + UUID.randomUUID()));

        UI.getCurrent().navigate("forecasts", QueryParameters.fromString("pipeline=" + pipeline
                + "&path=Kitchen&path=Cookware"));

        await(() -> !_find(Div.class, spec -> spec.withId("forecast-empty")).isEmpty());
        assertThat(text("forecast-empty")).contains("Train and promote a run on the Training page");
        assertThat(_find(ApexChart.class, spec -> spec.withId("forecast-chart"))).isEmpty();
        assertThat(_get(ForecastExplorerView.class).getElement().getTextRecursively()).doesNotContain("Kitchen", "HYPERLINK");
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getPath)).contains("forecasts");
    }

    private static void clickBar(int index) {
        ApexChart chart = _get(ApexChart.class, spec -> spec.withId("forecast-breakdown"));
        ComponentUtil.fireEvent(chart, new DataPointClickEvent(chart, true, 0, index));
    }

    /** Runs the UI's queue until the background load has shown the node named {@code current}. */
    private static void awaitBreadcrumb(String current) {
        await(() -> {
            List<HorizontalLayout> crumbs = _find(HorizontalLayout.class, spec -> spec.withId("forecast-breadcrumb"));
            return !crumbs.isEmpty() && crumbs.get(0).getElement().getTextRecursively().endsWith(current);
        });
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + LOAD_TIMEOUT_NANOS;
        while (true) {
            MockVaadin.runUIQueue();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("The view did not load in time; it shows: " + UI.getCurrent().getElement().getTextRecursively());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    private static String chartJson(String id) {
        return _get(ApexChart.class, spec -> spec.withId(id)).getElement().getProperty("optionsJson");
    }

    private static String currentUrl() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }
}
