package com.trendcast.pipeline.ui;

import com.trendcast.dataset.DatasetSummary;
import com.trendcast.pipeline.PipelineService;
import com.trendcast.pipeline.PipelineSummary;
import com.trendcast.pipeline.PipelineVersion;
import com.trendcast.security.AccessScope;
import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.testsupport.KaribuSpringTest;
import com.trendcast.testsupport.SalesFixtures;
import com.trendcast.testsupport.TestUsers;
import com.trendcast.ui.chart.ApexChart;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class PipelinesViewTest extends KaribuSpringTest {

    @Autowired
    private UserService users;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PipelineService pipelines;

    private long datasetId;
    /** Unique per test, so pipelines and datasets of other tests in the shared database stay out of sight. */
    private String category;

    @BeforeEach
    void storeSales() {
        category = "Kitchen " + UUID.randomUUID();
        SalesFixtures fixtures = SalesFixtures.newDataset(jdbc, "pipeline view " + category);
        datasetId = fixtures.datasetId();
        long pan = fixtures.product("PAN", "Pan", category, "Cookware");
        fixtures.product("FORK", "Fork", category, "Cutlery");
        LocalDate monday = LocalDate.of(2024, 3, 4);
        for (int week = 0; week < 8; week++) {
            fixtures.sale(pan, monday.plusWeeks(week), week + 1, 10.0 * (week + 1));
        }
    }

    @Test
    void managerCreatesPreviewsAndSavesTwoVersions() {
        String manager = TestUsers.create(users, Role.MANAGER, category);
        String name = "Pans weekly " + UUID.randomUUID();

        newPipeline(manager, name);
        click("pipeline-preview-button");

        assertThat(_get(Div.class, spec -> spec.withId("pipeline-errors")).getText()).isEmpty();
        Grid<?> preview = _get(Grid.class, spec -> spec.withId("pipeline-preview-grid"));
        assertThat(preview.getGenericDataView().getItems().count()).isEqualTo(8);
        assertThat(preview.getColumns()).extracting(Grid.Column::getHeaderText).contains("lag_1", "roll_mean_4", "woy_sin");
        assertThat(_get(ApexChart.class, spec -> spec.withId("pipeline-preview-chart"))).isNotNull();

        click("pipeline-save");
        PipelineSummary saved = only(manager, name);
        assertThat(saved.currentVersion()).isEqualTo(1);

        horizon().setValue(2);
        click("pipeline-save");
        PipelineSummary edited = only(manager, name);
        assertThat(edited.id()).isEqualTo(saved.id());
        assertThat(edited.currentVersion()).isEqualTo(2);
        assertThat(edited.spec().horizon()).isEqualTo(2);
        assertThat(pipelines.versions(scopeOf(manager), saved.id())).hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSubcategoryNarrowsThePipelineAndAnEarlierVersionCanBeReopened() {
        String manager = TestUsers.create(users, Role.MANAGER, category);
        String name = "Cookware " + UUID.randomUUID();
        newPipeline(manager, name);
        ComboBox<String> level1 = _get(ComboBox.class, spec -> spec.withId("pipeline-category-1"));
        ComboBox<String> level2 = _get(ComboBox.class, spec -> spec.withId("pipeline-category-2"));

        assertThat(level1.getValue()).isEqualTo(category);
        assertThat(level2.getListDataView().getItems()).containsExactly("Cookware", "Cutlery");
        _setValue(level2, "Cookware");
        horizon().setValue(3);
        click("pipeline-save");
        horizon().setValue(2);
        click("pipeline-save");

        PipelineSummary saved = only(manager, name);
        assertThat(saved.spec().filter().categoryPath()).containsExactly(category, "Cookware");
        Select<PipelineVersion> version = _get(Select.class, spec -> spec.withId("pipeline-version"));
        assertThat(version.getListDataView().getItems().map(PipelineVersion::version)).containsExactly(2, 1);
        _setValue(version, version.getListDataView().getItems().filter(v -> v.version() == 1).findFirst()
                .orElseThrow());
        assertThat(horizon().getValue()).isEqualTo(3);
        assertThat(level2.getValue()).isEqualTo("Cookware");

        _setValue(level1, null);
        assertThat(level2.getValue()).isNull();
        assertThat(level2.isEnabled()).isFalse();
    }

    @Test
    void invalidSettingsShowReadableMessages() {
        openPipelines(TestUsers.create(users, Role.MANAGER, category));
        chooseDataset();

        _get(TextField.class, spec -> spec.withLabel("Lags (periods, e.g. 1,7,14)")).setValue("0, 200");
        click("pipeline-preview-button");

        assertThat(_get(Div.class, spec -> spec.withId("pipeline-errors")).getText())
                .contains("Every lag must be at least 1 period (got 0).")
                .contains("The history window of 104 periods is too short");
    }

    @Test
    void aManagerDoesNotSeeAPipelineOfAnotherCategory() {
        String owner = TestUsers.create(users, Role.MANAGER, category);
        String name = "Private " + UUID.randomUUID();
        newPipeline(owner, name);
        click("pipeline-save");
        assertThat(only(owner, name)).isNotNull();

        openPipelines(TestUsers.create(users, Role.MANAGER, "Garden " + UUID.randomUUID()));

        Grid<?> grid = _get(Grid.class, spec -> spec.withId("pipeline-grid"));
        assertThat(grid.getGenericDataView().getItems().map(p -> ((PipelineSummary) p).name())).doesNotContain(name);
    }

    private void openPipelines(String username) {
        openAs(username);
        UI.getCurrent().navigate("pipelines");
    }

    /** Opens the page as {@code username} and starts a pipeline of this name on this test's dataset. */
    private void newPipeline(String username, String name) {
        openPipelines(username);
        _get(TextField.class, spec -> spec.withLabel("Name")).setValue(name);
        chooseDataset();
    }

    @SuppressWarnings("unchecked")
    private void chooseDataset() {
        Select<DatasetSummary> dataset = _get(Select.class, spec -> spec.withLabel("Source dataset"));
        dataset.setValue(dataset.getListDataView().getItems().filter(d -> d.id() == datasetId).findFirst()
                .orElseThrow());
    }

    private static IntegerField horizon() {
        return _get(IntegerField.class, spec -> spec.withLabel("Horizon (periods)"));
    }

    private static void click(String buttonId) {
        _click(_get(Button.class, spec -> spec.withId(buttonId)));
    }

    private PipelineSummary only(String username, String name) {
        List<PipelineSummary> named = pipelines.list(scopeOf(username)).stream()
                .filter(p -> p.name().equals(name)).toList();
        assertThat(named).hasSize(1);
        return named.get(0);
    }

    private AccessScope scopeOf(String username) {
        return new AccessScope(username, false, Set.of(category));
    }
}
