package com.trendcast.training;

import com.trendcast.audit.AuditService;
import com.trendcast.common.UserFacingException;
import com.trendcast.compute.ComputeBackendService;
import com.trendcast.forecast.ForecastOutput;
import com.trendcast.forecast.ForecastWorkflow;
import com.trendcast.forecast.ModelCatalog;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.eval.AccuracyMetrics;
import com.trendcast.forecast.engine.eval.FoldForecast;
import com.trendcast.forecast.engine.lstm.TrainedLstm;
import com.trendcast.pipeline.PipelineService;
import com.trendcast.pipeline.PipelineSummary;
import com.trendcast.security.AccessScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Training runs: launch into the persistent queue, follow, cancel, resume, restart, promote, delete, and read a
 * pipeline's production forecasts. Managers launch on pipelines they can see and see and govern only their own
 * runs; admins see and govern every run. Launch, cancel, resume, restart, promote and delete are audited.
 */
@Service
public class TrainingService {

    /** Models a run can train and keep as a file (the others forecast in one call and are compared as baselines). */
    public static final List<String> TRAINABLE_MODELS = List.of(ModelCatalog.LSTM);

    /** History shown before a run's forecast: two years of weeks, enough context for a preview. */
    static final int HISTORY_PERIODS = 104;

    private static final Logger log = LoggerFactory.getLogger(TrainingService.class);

    private final TrainingStore store;
    private final TrainingRunner runner;
    private final TrainingQueue.TrainingQueueClient queue;
    private final ProgressHub hub;
    private final PipelineService pipelines;
    private final ComputeBackendService compute;
    private final AuditService audit;
    private final TrainingProperties properties;
    private final Clock clock;

    TrainingService(TrainingStore store, TrainingRunner runner, TrainingQueue.TrainingQueueClient queue,
                    ProgressHub hub, PipelineService pipelines, ComputeBackendService compute, AuditService audit,
                    TrainingProperties properties, Clock clock) {
        this.store = store;
        this.runner = runner;
        this.queue = queue;
        this.hub = hub;
        this.pipelines = pipelines;
        this.compute = compute;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Queues a run on the current version of a pipeline and returns its id at once.
     *
     * @throws UserFacingException for a pipeline the caller cannot see, a model that cannot be trained, invalid
     *                             hyper-parameters, or {@code GPU} where ND4J has no GPU
     */
    public long launch(AccessScope scope, TrainingRequest request) {
        PipelineSummary pipeline = pipelines.get(scope, request.pipelineId());
        if (!TRAINABLE_MODELS.contains(request.model())) {
            throw new UserFacingException("training.model.unsupported", request.model(),
                    String.join(", ", TRAINABLE_MODELS));
        }
        HyperParameters hyperParameters = request.hyperParameters() == null ? HyperParameters.defaults()
                : request.hyperParameters();
        hyperParameters.toSettings();
        Backend backend = request.backend() == null ? Backend.AUTO : request.backend();
        if (backend == Backend.GPU && !compute.describe().gpuDetected()) {
            throw new UserFacingException("training.backend.noGpu", compute.describe().device());
        }
        String task = taskInstance();
        long id = store.insert(pipeline.id(), pipeline.currentVersion(), pipeline.name(),
                pipeline.spec().filter().category1(), request.model(), hyperParameters, backend, scope.username(),
                clock.instant(), request.promoteOnSuccess(), task);
        queue.enqueue(task, id);
        audit.record(scope.username(), "training.launch", "Run " + id + ": " + request.model() + " on pipeline "
                + pipeline.id() + " '" + pipeline.name() + "' version " + pipeline.currentVersion() + ", backend "
                + backend + ", " + hyperParameters + (request.promoteOnSuccess() ? ", promoted on success" : ""));
        return id;
    }

    /** The runs the caller may see (managers: their own), newest first. */
    public List<TrainingRunSummary> list(AccessScope scope, RunFilter filter) {
        Instant now = clock.instant();
        return store.list(filter == null ? RunFilter.all() : filter, scope.admin() ? null : scope.username())
                .stream().map(run -> summary(run, now)).toList();
    }

    /** One run with progress, losses, metrics, model file, failure and log. */
    public TrainingRunDetail get(AccessScope scope, long runId) {
        TrainingStore.Run run = visible(scope, runId);
        Instant now = clock.instant();
        List<EpochLoss> losses = store.losses(runId);
        Duration elapsed = TrainingStore.duration(run, now);
        return new TrainingRunDetail(summary(run, now), run.hyperParameters(), run.requestedBackend(),
                new RunProgress(run.phase(), run.epoch(), run.maxEpochs(), run.step(), run.stepsPerEpoch(),
                        elapsed == null ? Duration.ZERO : elapsed, remaining(run, losses)),
                run.backend(), run.device(), store.metrics(run), losses,
                run.modelPath() == null ? null : new ModelFile(run.modelPath(), run.modelSize(), run.modelSha256()),
                store.failure(run), run.logTail() == null || run.logTail().isEmpty() ? List.of()
                : List.of(run.logTail().split("\n")));
    }

    /**
     * Stops a queued or running run: a queued one leaves the queue, a running one stops before its next batch
     * (its status becomes cancelled when it has stopped).
     */
    public void cancel(AccessScope scope, long runId) {
        TrainingStore.Run run = visible(scope, runId);
        RunStatus status = run.status();
        if (status == RunStatus.QUEUED) {
            if (store.transition(runId, RunStatus.QUEUED, RunStatus.CANCELLED)) {
                store.finish(runId, RunStatus.CANCELLED, null, clock.instant());
                queue.dequeue(run.taskInstance());
                audit.record(scope.username(), "training.cancel", "Run " + runId + " (" + status + ")");
                return;
            }
            // a worker started the run between the read and the transition
            status = visible(scope, runId).status();
        }
        if (status != RunStatus.RUNNING) {
            throw new UserFacingException("training.cancel.notActive", runId, status);
        }
        // a run marked running that no worker here executes was left by a crashed or other instance; the
        // conditional transition keeps a run that finished meanwhile as it ended
        if (!runner.requestCancel(runId)) {
            if (!store.transition(runId, RunStatus.RUNNING, RunStatus.CANCELLED)) {
                throw new UserFacingException("training.cancel.notActive", runId, visible(scope, runId).status());
            }
            store.finish(runId, RunStatus.CANCELLED, null, clock.instant());
        }
        audit.record(scope.username(), "training.cancel", "Run " + runId + " (" + status + ")");
    }

    /** Queues an interrupted, cancelled or failed run again; it continues from its last checkpoint. */
    public void resume(AccessScope scope, long runId) {
        TrainingStore.Run run = visible(scope, runId);
        if (!run.status().resumable()) {
            throw new UserFacingException("training.resume.notResumable", runId, run.status());
        }
        String task = taskInstance();
        store.requeue(runId, task, false);
        queue.enqueue(task, runId);
        audit.record(scope.username(), "training.resume", "Run " + runId + " from its last checkpoint");
    }

    /** Queues a finished run again from scratch: checkpoint, metrics, losses and model are dropped. */
    public void restart(AccessScope scope, long runId) {
        TrainingStore.Run run = visible(scope, runId);
        if (!run.status().finished()) {
            throw new UserFacingException("training.restart.active", runId, run.status());
        }
        deleteFiles(runId);
        String task = taskInstance();
        store.requeue(runId, task, true);
        queue.enqueue(task, runId);
        audit.record(scope.username(), "training.restart", "Run " + runId);
    }

    /**
     * Makes a succeeded run its pipeline's production model, after checking its model file against the stored
     * SHA-256.
     */
    public void promote(AccessScope scope, long runId) {
        TrainingStore.Run run = visible(scope, runId);
        pipelines.get(scope, run.pipelineId());
        if (run.status() != RunStatus.SUCCEEDED) {
            throw new UserFacingException("training.promote.notSucceeded", runId, run.status());
        }
        verifiedModel(run);
        store.promote(run.pipelineId(), runId, scope.username(), clock.instant());
        audit.record(scope.username(), "training.promote", "Run " + runId + " is the production model of pipeline "
                + run.pipelineId() + " '" + run.pipelineName() + "'");
    }

    /** Deletes a finished run with its files, forecasts and losses. */
    public void delete(AccessScope scope, long runId) {
        TrainingStore.Run run = visible(scope, runId);
        if (!run.status().finished()) {
            throw new UserFacingException("training.delete.active", runId, run.status());
        }
        deleteFiles(runId);
        store.delete(runId);
        audit.record(scope.username(), "training.delete", "Run " + runId + " of pipeline " + run.pipelineId()
                + " '" + run.pipelineName() + "' (" + run.status() + ")");
    }

    /**
     * The stored forecasts of a pipeline's production run, limited to the caller's categories, with its backtest
     * metrics over those series (see {@link ProductionMetrics}). A manager may read the part inside their
     * categories of a pipeline over every category (see {@link PipelineService#readable}).
     *
     * @throws UserFacingException when the pipeline is not readable or has no production model
     */
    public ProductionForecast productionForecast(AccessScope scope, long pipelineId) {
        return productionForecast(scope, pipelineId, List.of());
    }

    /**
     * As {@link #productionForecast(AccessScope, long)}, the rows cut to the series whose key starts with
     * {@code seriesPrefix}. A prefix naming a category outside the caller's is refused and audited rather than
     * answered with nothing, so an attempt to read another manager's forecasts leaves a trace.
     *
     * @throws UserFacingException {@code training.series.denied} for a category outside the caller's
     */
    public ProductionForecast productionForecast(AccessScope scope, long pipelineId, List<String> seriesPrefix) {
        pipelines.readable(scope, pipelineId);
        TrainingStore.Production production = store.production(pipelineId)
                .orElseThrow(() -> new UserFacingException("training.production.none", pipelineId));
        long runId = production.runId();
        TrainingStore.Run run = store.find(runId).orElseThrow();
        List<String> seriesColumns = pipelines.readableSpec(scope, pipelineId, run.pipelineVersion()).level()
                .seriesKeyColumns();
        if (!seriesPrefix.isEmpty() && !seriesColumns.isEmpty() && !scope.canSeeCategory(seriesPrefix.get(0))) {
            audit.record(scope.username(), "access.denied", "production forecast of pipeline " + pipelineId
                    + " for category '" + seriesPrefix.get(0) + "'");
            throw new UserFacingException("training.series.denied", seriesPrefix.get(0));
        }
        List<ForecastRow> rows = store.forecasts(runId, visibleCategory(scope));
        Set<List<String>> visibleSeries = rows.stream().map(ForecastRow::seriesKey)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        ProductionForecast visible = new ProductionForecast(pipelineId, runId, run.pipelineVersion(), run.model(),
                production.promotedAt(), production.promotedBy(), seriesColumns, properties.intervalLevel(), rows,
                metricsOver(run, visibleSeries));
        return seriesPrefix.isEmpty() ? visible : new ProductionForecast(pipelineId, runId, run.pipelineVersion(),
                run.model(), production.promotedAt(), production.promotedBy(), seriesColumns,
                properties.intervalLevel(), visible.rowsOfSeries(seriesPrefix), visible.metrics());
    }

    /** Whether a pipeline the caller may read has a production forecast with series of their categories. */
    public boolean hasProductionForecast(AccessScope scope, long pipelineId) {
        pipelines.readable(scope, pipelineId);
        return store.production(pipelineId)
                .map(production -> store.hasForecasts(production.runId(), scope.admin() ? null : scope.categories()))
                .orElse(false);
    }

    /**
     * The run's stored metrics when the caller sees every series it forecast; otherwise the trained model's
     * metrics recomputed over the caller's series from the fold forecasts the run kept, with the intervals
     * calibrated on every series as the stored forecasts' were.
     */
    private ProductionMetrics metricsOver(TrainingStore.Run run, Set<List<String>> visibleSeries) {
        if (visibleSeries.size() == store.seriesCount(run.id())) {
            return new ProductionMetrics(store.metrics(run), true, visibleSeries.size());
        }
        List<FoldForecast> kept = runner.keptBacktest(run.id());
        if (kept.stream().noneMatch(forecast -> visibleSeries.contains(forecast.seriesKey()))) {
            return new ProductionMetrics(Map.of(), false, visibleSeries.size());
        }
        AccuracyMetrics accuracy = ForecastWorkflow.intervalAccuracy(kept, visibleSeries::contains,
                properties.intervalLevel());
        return new ProductionMetrics(Map.of(run.model(), ForecastOutput.metrics(accuracy)), false,
                visibleSeries.size());
    }

    /**
     * The forecasts of one run (production or not) with the last {@value #HISTORY_PERIODS} periods of history of
     * each forecast series, limited to the caller's categories, e.g. for a preview on the run's page.
     */
    public RunForecast forecastOf(AccessScope scope, long runId) {
        TrainingStore.Run run = visible(scope, runId);
        List<ForecastRow> rows = store.forecasts(runId, visibleCategory(scope));
        if (rows.isEmpty()) {
            return new RunForecast(runId, properties.intervalLevel(), List.of(), rows);
        }
        Set<List<String>> forecastKeys = rows.stream().map(ForecastRow::seriesKey).collect(Collectors.toSet());
        List<TimeSeries> history = historyOf(scope, run).stream()
                .filter(series -> forecastKeys.contains(series.key()))
                .map(series -> series.slice(Math.max(0, series.length() - HISTORY_PERIODS), series.length()))
                .toList();
        return new RunForecast(runId, properties.intervalLevel(), history, rows);
    }

    /**
     * The trained model of a succeeded run, loaded after its file matched the stored SHA-256.
     *
     * @throws UserFacingException when the file is missing or its checksum differs
     */
    public TrainedLstm model(AccessScope scope, long runId) {
        return TrainedLstm.load(verifiedModel(visible(scope, runId)));
    }

    /**
     * Calls {@code subscriber} with every update of a run until the returned subscription is closed. Updates come
     * on a dispatch thread of the training service, never on the training thread, at most about four a second
     * plus one per epoch and status change; a view forwards them with {@code ui.access(...)} and closes the
     * subscription on detach.
     */
    public RunSubscription subscribe(AccessScope scope, long runId, Consumer<RunUpdate> subscriber) {
        visible(scope, runId);
        return hub.subscribe(runId, subscriber);
    }

    /** The series of the pipeline version the run trained on, or none when that version is gone. */
    private List<TimeSeries> historyOf(AccessScope scope, TrainingStore.Run run) {
        try {
            return pipelines.versions(scope, run.pipelineId()).stream()
                    .filter(version -> version.version() == run.pipelineVersion())
                    .findFirst()
                    .map(version -> pipelines.loadSeries(scope, version.spec()))
                    .orElse(List.of());
        } catch (UserFacingException e) {
            log.info("No history for the forecast of run {}: {}", run.id(), e.getMessage());
            return List.of();
        }
    }

    private static Predicate<String> visibleCategory(AccessScope scope) {
        return category -> category == null ? scope.admin() : scope.canSeeCategory(category);
    }

    /** Epochs left at the pace of the epochs so far; unknown outside the final training or before an epoch. */
    private static Duration remaining(TrainingStore.Run run, List<EpochLoss> losses) {
        if (run.status() != RunStatus.RUNNING || !RunProgress.TRAINING.equals(run.phase()) || losses.isEmpty()) {
            return null;
        }
        EpochLoss last = losses.get(losses.size() - 1);
        double secondsPerEpoch = last.seconds() / last.epoch();
        return Duration.ofMillis((long) (secondsPerEpoch * 1000 * Math.max(0, run.maxEpochs() - last.epoch())));
    }

    private Path verifiedModel(TrainingStore.Run run) {
        if (run.modelPath() == null) {
            throw new UserFacingException("training.model.missing", run.id());
        }
        Path file = Path.of(run.modelPath());
        try {
            if (!Files.exists(file) || !TrainingRunner.sha256(file).equals(run.modelSha256())) {
                log.warn("Model file of training run {} does not match its SHA-256 {}", run.id(), run.modelSha256());
                throw new UserFacingException("training.model.checksum", run.id());
            }
        } catch (IOException e) {
            throw new UserFacingException(e, "training.model.checksum", run.id());
        }
        return file;
    }

    private TrainingStore.Run visible(AccessScope scope, long runId) {
        TrainingStore.Run run = store.find(runId).orElseThrow(() -> new UserFacingException("training.notFound",
                runId));
        if (!scope.admin() && !scope.username().equals(run.launchedBy())) {
            throw new UserFacingException("training.notFound", runId);
        }
        return run;
    }

    private TrainingRunSummary summary(TrainingStore.Run run, Instant now) {
        Object wape = store.metrics(run).getOrDefault(run.model(), Map.of()).get("wape");
        return new TrainingRunSummary(run.id(), run.pipelineId(), run.pipelineVersion(), run.pipelineName(),
                run.model(), run.status(), run.launchedBy(), run.createdAt(), run.startedAt(), run.finishedAt(),
                wape instanceof Number number ? number.doubleValue() : null, TrainingStore.duration(run, now),
                run.production());
    }

    private void deleteFiles(long runId) {
        Path directory = runner.directory(runId);
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UserFacingException(e, "training.files.undeletable", directory);
        }
    }

    private static String taskInstance() {
        return "run-" + UUID.randomUUID();
    }
}
