package com.trendcast.training.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.trendcast.forecast.ModelCatalog;
import com.trendcast.pipeline.PipelineService;
import com.trendcast.pipeline.PipelineSummary;
import com.trendcast.security.AccessScope;
import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.testsupport.KaribuSpringTest;
import com.trendcast.testsupport.TestUsers;
import com.trendcast.training.Backend;
import com.trendcast.training.EpochLoss;
import com.trendcast.training.PushedUpdates;
import com.trendcast.training.RunFilter;
import com.trendcast.training.RunProgress;
import com.trendcast.training.RunStatus;
import com.trendcast.training.RunUpdate;
import com.trendcast.training.TrainingFixtures;
import com.trendcast.training.TrainingRequest;
import com.trendcast.training.TrainingRunDetail;
import com.trendcast.training.TrainingRunSummary;
import com.trendcast.training.TrainingService;
import com.trendcast.ui.chart.ApexChart;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.trendcast.training.TrainingFixtures.ADMIN;
import static com.trendcast.training.TrainingFixtures.TINY;
import static com.trendcast.training.TrainingFixtures.awaitFinished;
import static com.trendcast.training.TrainingFixtures.cancelUnfinished;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The runs list, the launch form and the live run page, inside the real Spring context with real tiny runs. */
class TrainingViewsTest extends KaribuSpringTest {

    @Autowired
    private TrainingService training;
    @Autowired
    private PipelineService pipelines;
    @Autowired
    private UserService users;
    @Autowired
    private JdbcTemplate jdbc;

    private long pipelineId;
    private final List<Long> launched = new ArrayList<>();

    @BeforeEach
    void pipeline() {
        pipelineId = TrainingFixtures.pipeline(pipelines, TrainingFixtures.salesDataset(jdbc), List.of("Kitchen"));
    }

    @AfterEach
    void cancelLeftovers() {
        cancelUnfinished(training, ADMIN, launched);
    }

    @Test
    void runPageShowsPushedProgressAndReloadsOnAFinalStatus() {
        long runId = launch(ADMIN);
        training.cancel(ADMIN, runId);
        awaitFinished(training, ADMIN, runId);
        openAs(TestUsers.create(users, Role.ADMIN));
        UI.getCurrent().navigate("training/run/" + runId);
        assertThat(text("training-run-status")).isEqualTo("Cancelled");

        PushedUpdates.publish(context, new RunUpdate(runId, RunStatus.RUNNING,
                new RunProgress(RunProgress.TRAINING, 3, 10, 2, 5, Duration.ofSeconds(65), Duration.ofSeconds(130)),
                new EpochLoss(3, 0.75, 0.625, 0.2, 65), List.of("pushed line one", "pushed line two")));
        awaitUi(() -> text("training-run-status").equals("Running"));

        assertThat(text("training-run-phase")).isEqualTo("Training the final model");
        assertThat(text("training-run-epoch")).isEqualTo("Epoch 3 / 10 · step 2 / 5");
        assertThat(text("training-run-time")).isEqualTo("Elapsed 1:05 · about 2:10 left");
        // epochs 1-2 of 5 steps each plus 2 steps of epoch 3, out of 10 x 5
        assertThat(_get(ProgressBar.class, spec -> spec.withId("training-run-progress")).getValue())
                .isEqualTo(12.0 / 50);
        assertThat(_get(Pre.class, spec -> spec.withId("training-run-log")).getText())
                .endsWith("pushed line one\npushed line two");
        assertThat(chartJson("training-run-losses")).contains("{\"x\":3,\"y\":0.75}", "{\"x\":3,\"y\":0.625}");
        assertThat(_get(Button.class, spec -> spec.withId("training-run-cancel")).isEnabled()).isTrue();

        PushedUpdates.publish(context, new RunUpdate(runId, RunStatus.CANCELLED,
                new RunProgress(null, 0, 10, 0, 0, Duration.ZERO, null), null, List.of()));
        awaitUi(() -> text("training-run-status").equals("Cancelled"));
        assertThat(chartJson("training-run-losses")).doesNotContain("{\"x\":3");
        assertThat(_get(Button.class, spec -> spec.withId("training-run-cancel")).isEnabled()).isFalse();
        assertThat(_get(Button.class, spec -> spec.withId("training-run-resume")).isEnabled()).isTrue();
    }

    @Test
    void launchFormQueuesATinyRunAndItsPageFollowsItToItsMetrics() {
        openAs(TestUsers.create(users, Role.ADMIN));
        UI.getCurrent().navigate("training");
        selectPipeline();
        setHyperParameters(1, 4, 2);
        _click(_get(Button.class, spec -> spec.withId("training-launch")));

        _assertOne(TrainingRunView.class);
        long runId = Long.parseLong(UI.getCurrent().getInternals().getActiveViewLocation().getPath()
                .replace("training/run/", ""));
        launched.add(runId);
        awaitUi(Duration.ofSeconds(120), () -> text("training-run-status").equals("Succeeded"));

        Grid<?> metrics = _get(Grid.class, spec -> spec.withId("training-run-metrics"));
        assertThat(GridKt._size(metrics)).isEqualTo(6);
        assertThat(GridKt._getFormattedRow(metrics, 0).get(0)).isEqualTo("lstm (this run)");
        assertThat(metrics.getColumns()).extracting(Grid.Column::getHeaderText).containsExactly("Model", "WAPE",
                "MAE", "RMSE", "R²", "MASE", "sMAPE", "MAPE (zeros excluded)", "Bias", "Interval coverage",
                "Interval width");
        // two epochs were pushed while the page was open, so both reached the chart
        assertThat(chartJson("training-run-losses")).contains("{\"x\":1,", "{\"x\":2,");
        TrainingRunDetail detail = training.get(ADMIN, runId);
        assertThat(text("training-run-facts")).contains("SHA-256 " + detail.modelFile().sha256(),
                "device: CPU");
        assertThat(chartJson("training-run-forecast")).contains("\"rangeArea\"", "History", "Forecast");
        assertThat(_get(ProgressBar.class, spec -> spec.withId("training-run-progress")).getValue()).isEqualTo(1.0);
    }

    @Test
    void launchFormRefusesInvalidHyperParametersWithTheReadableReason() {
        String manager = TestUsers.create(users, Role.MANAGER, "Kitchen");
        openAs(manager);
        UI.getCurrent().navigate("training");
        selectPipeline();
        setHyperParameters(5, 4, 2);
        _click(_get(Button.class, spec -> spec.withId("training-launch")));

        assertThat(text("training-launch-error"))
                .isEqualTo("Invalid hyper-parameters: LSTM layers must be 1 to 3: 5");
        _assertOne(TrainingView.class);

        _get(IntegerField.class, spec -> spec.withId("training-hp-layers")).setValue(1);
        _get(IntegerField.class, spec -> spec.withId("training-hp-units")).clear();
        _click(_get(Button.class, spec -> spec.withId("training-launch")));
        assertThat(text("training-launch-error")).isEqualTo("Please fill in: Units per layer");
        assertThat(training.list(new AccessScope(manager, false, Set.of("Kitchen")), RunFilter.all())).isEmpty();
    }

    @Test
    void aManagerNeitherListsNorOpensAnotherManagersRun() {
        String owner = TestUsers.create(users, Role.MANAGER, "Kitchen");
        long runId = launch(new AccessScope(owner, false, Set.of("Kitchen")));
        String other = TestUsers.create(users, Role.MANAGER, "Kitchen");
        openAs(other);

        UI.getCurrent().navigate("training");
        Grid<TrainingRunSummary> runs = runGrid();
        assertThat(GridKt._size(runs)).isZero();

        UI.getCurrent().navigate("training/run/" + runId);
        assertThat(text("training-run-not-found")).isEqualTo("Training run " + String.format("%,d", runId)
                + " does not exist or is not yours.");
        assertThat(_find(Span.class, spec -> spec.withId("training-run-status"))).isEmpty();
    }

    @Test
    void compareShowsTheMetricsOfTwoRunsSideBySideAndTheirLosses() {
        long first = launch(ADMIN);
        long second = launch(ADMIN);
        TrainingRunDetail firstRun = awaitFinished(training, ADMIN, first);
        TrainingRunDetail secondRun = awaitFinished(training, ADMIN, second);
        assertThat(List.of(firstRun.summary().status(), secondRun.summary().status()))
                .containsOnly(RunStatus.SUCCEEDED);
        openAs(TestUsers.create(users, Role.ADMIN));
        UI.getCurrent().navigate("training");
        @SuppressWarnings("unchecked")
        ComboBox<PipelineSummary> filter = _get(ComboBox.class, spec -> spec.withId("training-filter-pipeline"));
        filter.setValue(pipelines.get(ADMIN, pipelineId));
        Grid<TrainingRunSummary> runs = runGrid();
        assertThat(GridKt._size(runs)).isEqualTo(2);
        runs.asMultiSelect().select(GridKt._get(runs, 0), GridKt._get(runs, 1));
        _click(_get(Button.class, spec -> spec.withId("training-compare")));

        Grid<?> table = _get(Grid.class, spec -> spec.withId("training-compare-metrics"));
        String pipelineName = firstRun.summary().pipelineName();
        assertThat(table.getColumns()).extracting(Grid.Column::getHeaderText).containsExactly("Backtest metric",
                "#" + first + " " + pipelineName, "#" + second + " " + pipelineName);
        List<String> wapeRow = GridKt._getFormattedRow(table, 0);
        assertThat(wapeRow).containsExactly("WAPE", percent(firstRun), percent(secondRun));
        assertThat(GridKt._size(table)).isEqualTo(10);
        assertThat(chartJson("training-compare-losses")).contains("#" + first + " " + pipelineName + " · train",
                "#" + second + " " + pipelineName + " · train");
    }

    /** The stored WAPE as the English percent with one decimal, written out by hand. */
    private static String percent(TrainingRunDetail run) {
        double wape = ((Number) run.metrics().get(ModelCatalog.LSTM).get("wape")).doubleValue();
        String text = String.format(java.util.Locale.ROOT, "%.1f", wape * 100);
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + "%";
    }

    private long launch(AccessScope scope) {
        long runId = training.launch(scope, new TrainingRequest(pipelineId, ModelCatalog.LSTM, TINY, Backend.AUTO,
                false));
        launched.add(runId);
        return runId;
    }

    private void selectPipeline() {
        @SuppressWarnings("unchecked")
        ComboBox<PipelineSummary> box = _get(ComboBox.class, spec -> spec.withId("training-pipeline"));
        box.setValue(pipelines.get(ADMIN, pipelineId));
    }

    private void setHyperParameters(int layers, int units, int epochs) {
        _get(IntegerField.class, spec -> spec.withId("training-hp-layers")).setValue(layers);
        _get(IntegerField.class, spec -> spec.withId("training-hp-units")).setValue(units);
        _get(IntegerField.class, spec -> spec.withId("training-hp-maxEpochs")).setValue(epochs);
        _get(IntegerField.class, spec -> spec.withId("training-hp-batchSize")).setValue(TINY.batchSize());
        _get(IntegerField.class, spec -> spec.withId("training-hp-historyWindow")).setValue(TINY.historyWindow());
        _get(IntegerField.class, spec -> spec.withId("training-hp-patience")).setValue(TINY.patience());
    }

    @SuppressWarnings("unchecked")
    private static Grid<TrainingRunSummary> runGrid() {
        return _get(Grid.class, spec -> spec.withId("training-runs"));
    }

    private static String text(String id) {
        return _get(com.vaadin.flow.component.Component.class, spec -> spec.withId(id)).getElement().getText();
    }

    private static String chartJson(String id) {
        return _get(ApexChart.class, spec -> spec.withId(id)).getElement().getProperty("optionsJson");
    }

    private static void awaitUi(BooleanSupplier condition) {
        awaitUi(Duration.ofSeconds(10), condition);
    }

    /** Runs the pushed {@code ui.access} tasks until the page shows what the test waits for. */
    private static void awaitUi(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            MockVaadin.clientRoundtrip();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("The page did not get there in " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
