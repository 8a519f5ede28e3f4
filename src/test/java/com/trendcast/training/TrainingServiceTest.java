package com.trendcast.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.trendcast.audit.AuditService;
import com.trendcast.common.UserFacingException;
import com.trendcast.compute.ComputeBackendService;
import com.trendcast.forecast.ModelCatalog;
import com.trendcast.pipeline.PipelineService;
import com.trendcast.security.AccessScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.trendcast.training.TrainingFixtures.ADMIN;
import static com.trendcast.training.TrainingFixtures.HORIZON;
import static com.trendcast.training.TrainingFixtures.TINY;
import static com.trendcast.training.TrainingFixtures.awaitFinished;
import static com.trendcast.training.TrainingFixtures.awaitRun;
import static com.trendcast.training.TrainingFixtures.cancelUnfinished;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class TrainingServiceTest {

    /** Enough epochs to still be training when the test acts. */
    private static final HyperParameters LONG = new HyperParameters(1, 4, 0, 1e-2, 8, 5000, 14, 5000, 7);

    @Autowired
    private TrainingService training;
    @Autowired
    private PipelineService pipelines;
    @Autowired
    private AuditService audit;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private NamedParameterJdbcTemplate namedJdbc;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private TrainingStore store;
    @Autowired
    private TrainingRunner runner;
    @Autowired
    private TrainingQueue.TrainingQueueClient queue;
    @Autowired
    private ProgressHub hub;
    @Autowired
    private ComputeBackendService compute;
    @Autowired
    private TrainingProperties properties;
    @Autowired
    private Clock clock;

    private long datasetId;
    private AccessScope kitchenManager;
    private AccessScope gardenManager;

    private final List<Long> launched = new ArrayList<>();

    @AfterEach
    void cancelLeftovers() {
        cancelUnfinished(training, ADMIN, launched);
    }

    private long launch(AccessScope scope, TrainingRequest request) {
        long runId = training.launch(scope, request);
        launched.add(runId);
        return runId;
    }

    @BeforeEach
    void data() {
        datasetId = TrainingFixtures.salesDataset(jdbc);
        kitchenManager = new AccessScope("kitchen-" + UUID.randomUUID(), false, Set.of("Kitchen"));
        gardenManager = new AccessScope("garden-" + UUID.randomUUID(), false, Set.of("Garden"));
    }

    @Test
    void aRunBacktestsEveryBaselineOnTheSameFoldsStoresItsModelAndForecastsAndCanBePromoted() throws Exception {
        long pipeline = TrainingFixtures.pipeline(pipelines, datasetId, List.of());
        List<RunUpdate> updates = new CopyOnWriteArrayList<>();

        long runId = launch(ADMIN, new TrainingRequest(pipeline, ModelCatalog.LSTM, TINY, Backend.AUTO,
                false));
        try (RunSubscription ignored = training.subscribe(ADMIN, runId, updates::add)) {
            TrainingRunDetail run = awaitFinished(training, ADMIN, runId);

            assertThat(run.summary().status()).as("log: %s", run.log()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.metrics()).containsOnlyKeys("lstm", "naive", "seasonal-naive", "moving-average", "ets",
                    "linear");
            assertThat(run.metrics().values()).allSatisfy(metrics -> assertThat(metrics.get("count"))
                    .isEqualTo(2 * 3 * HORIZON));
            assertThat(run.summary().keyMetric()).isEqualTo(run.metrics().get("lstm").get("wape"));
            assertThat(run.losses()).extracting(EpochLoss::epoch).containsExactly(1, 2);
            assertThat(run.device()).startsWith("CPU");
            Path model = Path.of(run.modelFile().path());
            assertThat(run.modelFile().sizeBytes()).isEqualTo(Files.size(model));
            assertThat(run.modelFile().sha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(model))));
        }
        assertThat(updates).isNotEmpty();
        assertThat(updates.get(updates.size() - 1).status()).isEqualTo(RunStatus.SUCCEEDED);

        training.promote(ADMIN, runId);

        ProductionForecast production = training.productionForecast(ADMIN, pipeline);
        assertThat(production.runId()).isEqualTo(runId);
        assertThat(production.rows()).hasSize(2 * HORIZON);
        assertThat(production.rows().get(0).seriesKey()).containsExactly("Garden");
        assertThat(production.rows().get(0).date()).isEqualTo(TrainingFixtures.FIRST_DAY.plusDays(TrainingFixtures.DAYS));
        assertThat(production.rows()).allSatisfy(row -> assertThat(row.lower()).isLessThanOrEqualTo(row.forecast())
                .isGreaterThanOrEqualTo(0));
        assertThat(production.rows()).allSatisfy(row -> assertThat(row.upper())
                .isGreaterThanOrEqualTo(row.forecast()));
        assertThat(training.list(ADMIN, new RunFilter(null, pipeline, null)))
                .singleElement().satisfies(summary -> assertThat(summary.production()).isTrue());

        RunForecast own = training.forecastOf(ADMIN, runId);
        assertThat(own.rows()).isEqualTo(production.rows());
        assertThat(own.history()).extracting(series -> series.key()).containsExactly(List.of("Garden"),
                List.of("Kitchen"));
        assertThat(own.history()).allSatisfy(series -> {
            assertThat(series.length()).isEqualTo(TrainingFixtures.DAYS);
            assertThat(series.endDate()).isEqualTo(TrainingFixtures.FIRST_DAY.plusDays(TrainingFixtures.DAYS - 1));
        });
        assertThat(audit.byUserAndAction(ADMIN.username(), "training.promote"))
                .anySatisfy(entry -> assertThat(entry.detail()).contains("Run " + runId + " "));
    }

    @Test
    void aModelWhoseFileNoLongerMatchesItsChecksumIsRefused() throws Exception {
        long pipeline = TrainingFixtures.pipeline(pipelines, datasetId, List.of("Kitchen"));
        long runId = launch(ADMIN, new TrainingRequest(pipeline, ModelCatalog.LSTM, TINY, Backend.CPU,
                false));
        TrainingRunDetail run = awaitFinished(training, ADMIN, runId);
        assertThat(training.model(ADMIN, runId).horizon()).isEqualTo(HORIZON);
        Path model = Path.of(run.modelFile().path());
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 1;
        Files.write(model, bytes);

        assertThatThrownBy(() -> training.promote(ADMIN, runId))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.model.checksum"));
        assertThatThrownBy(() -> training.model(ADMIN, runId)).isInstanceOf(UserFacingException.class);
    }

    @Test
    void cancellingARunningRunStopsItAndKeepsItsLog() {
        long pipeline = TrainingFixtures.pipeline(pipelines, datasetId, List.of("Kitchen"));
        long runId = launch(ADMIN, new TrainingRequest(pipeline, ModelCatalog.LSTM, LONG, Backend.AUTO,
                false));
        awaitRun(training, ADMIN, runId, detail -> detail.summary().status() == RunStatus.RUNNING,
                Duration.ofSeconds(60));

        training.cancel(ADMIN, runId);

        TrainingRunDetail run = awaitRun(training, ADMIN, runId, detail -> detail.summary().status().finished(),
                Duration.ofSeconds(10));
        assertThat(run.summary().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(run.log()).anySatisfy(line -> assertThat(line).contains("Cancelled"));
        assertThat(audit.byUserAndAction(ADMIN.username(), "training.cancel"))
                .anySatisfy(entry -> assertThat(entry.detail()).startsWith("Run " + runId + " "));
    }

    @Test
    void cancelStopsARunThatAWorkerStartedBetweenTheReadAndTheTransition() {
        long pipeline = TrainingFixtures.pipeline(pipelines, datasetId, List.of("Kitchen"));
        // inserted without a queue entry, so no worker here executes it
        long runId = store.insert(pipeline, 1, "race", "Kitchen", ModelCatalog.LSTM, TINY, Backend.AUTO,
                ADMIN.username(), clock.instant(), false, "race-" + UUID.randomUUID());
        TrainingStore workerWinsTheRace = new TrainingStore(namedJdbc, json) {
            @Override
            boolean transition(long id, RunStatus from, RunStatus to) {
                if (from == RunStatus.QUEUED) {
                    start(id, "CPU", "another instance", clock.instant());
                }
                return super.transition(id, from, to);
            }
        };
        TrainingService racing = new TrainingService(workerWinsTheRace, runner, queue, hub, pipelines, compute,
                audit, properties, clock);

        racing.cancel(ADMIN, runId);

        TrainingRunDetail run = training.get(ADMIN, runId);
        assertThat(run.summary().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(run.summary().finishedAt()).isNotNull();
        assertThatThrownBy(() -> racing.cancel(ADMIN, runId))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.cancel.notActive"));
    }

    @Test
    void resumingContinuesFromTheLastCheckpointWithoutRepeatingTheBacktest() {
        long pipeline = TrainingFixtures.pipeline(pipelines, datasetId, List.of("Kitchen"));
        HyperParameters sixEpochs = new HyperParameters(1, 4, 0, 1e-2, 8, 6, 14, 6, 7);
        long runId = launch(ADMIN, new TrainingRequest(pipeline, ModelCatalog.LSTM, sixEpochs, Backend.AUTO,
                false));
        try (RunSubscription ignored = training.subscribe(ADMIN, runId, update -> {
            if (update.finishedEpoch() != null && update.finishedEpoch().epoch() == 2) {
                training.cancel(ADMIN, runId);
            }
        })) {
            awaitFinished(training, ADMIN, runId);
        }
        TrainingRunDetail cancelled = training.get(ADMIN, runId);
        assertThat(cancelled.summary().status()).as("log: %s", cancelled.log()).isEqualTo(RunStatus.CANCELLED);
        int savedEpochs = cancelled.losses().size();
        assertThat(savedEpochs).isBetween(2, 5);

        training.resume(ADMIN, runId);

        TrainingRunDetail resumed = awaitRun(training, ADMIN, runId,
                detail -> detail.summary().status() != RunStatus.CANCELLED && detail.summary().status().finished(),
                Duration.ofSeconds(120));
        assertThat(resumed.summary().status()).as("log: %s", resumed.log()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(resumed.log()).anySatisfy(line -> assertThat(line)
                .contains("Resumed from the checkpoint after epoch " + savedEpochs));
        assertThat(resumed.log()).anySatisfy(line -> assertThat(line).contains("Backtest kept"));
        assertThat(resumed.losses()).extracting(EpochLoss::epoch).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(audit.byUserAndAction(ADMIN.username(), "training.resume"))
                .anySatisfy(entry -> assertThat(entry.detail()).startsWith("Run " + runId + " "));
    }

    @Test
    void aPipelineWithoutDataFailsWithAReadableReasonAndKeepsTheLog() {
        long pipeline = TrainingFixtures.pipeline(pipelines, datasetId, List.of("Bathroom"));
        long runId = launch(ADMIN, new TrainingRequest(pipeline, ModelCatalog.LSTM, TINY, Backend.AUTO,
                false));

        TrainingRunDetail run = awaitFinished(training, ADMIN, runId);

        assertThat(run.summary().status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failure().key()).isEqualTo("pipeline.series.none");
        assertThat(run.failure().message(Locale.ENGLISH)).isNotEqualTo("pipeline.series.none");
        assertThat(run.log()).anySatisfy(line -> assertThat(line).contains("started"))
                .anySatisfy(line -> assertThat(line).contains("Failed"));
    }

    @Test
    void managersLaunchOnlyOnTheirPipelinesAndSeeAndCancelOnlyTheirRuns() {
        long kitchen = TrainingFixtures.pipeline(pipelines, datasetId, List.of("Kitchen"));
        long runId = launch(kitchenManager, new TrainingRequest(kitchen, ModelCatalog.LSTM, LONG,
                Backend.AUTO, false));

        assertThatThrownBy(() -> training.launch(gardenManager, TrainingRequest.of(kitchen, ModelCatalog.LSTM)))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("pipeline.notFound"));
        assertThatThrownBy(() -> training.get(gardenManager, runId)).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> training.cancel(gardenManager, runId)).isInstanceOf(UserFacingException.class);
        assertThat(training.list(gardenManager, RunFilter.all())).noneMatch(run -> run.id() == runId);
        assertThat(training.list(kitchenManager, RunFilter.all())).extracting(TrainingRunSummary::id)
                .containsExactly(runId);
        assertThat(training.list(ADMIN, RunFilter.all())).anyMatch(run -> run.id() == runId);

        training.cancel(kitchenManager, runId);
        assertThat(awaitFinished(training, kitchenManager, runId).summary().status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void aGpuRunIsRefusedWhereThereIsNoGpuAndUntrainableModelsAreRefused() {
        long pipeline = TrainingFixtures.pipeline(pipelines, datasetId, List.of("Kitchen"));

        assertThatThrownBy(() -> training.launch(ADMIN, new TrainingRequest(pipeline, ModelCatalog.LSTM, TINY,
                Backend.GPU, false)))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.backend.noGpu"));
        assertThatThrownBy(() -> training.launch(ADMIN, TrainingRequest.of(pipeline, "ets")))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.model.unsupported"));
        assertThatThrownBy(() -> training.launch(ADMIN, new TrainingRequest(pipeline, ModelCatalog.LSTM,
                new HyperParameters(4, 4, 0, 1e-2, 8, 2, 14, 2, 7), Backend.CPU, false)))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.hyperParameters.invalid"));
    }
}
