package com.trendcast.training;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trendcast.audit.AuditService;
import com.trendcast.common.UserFacingException;
import com.trendcast.compute.ComputeBackendInfo;
import com.trendcast.compute.ComputeBackendService;
import com.trendcast.forecast.ForecastOutput;
import com.trendcast.forecast.ForecastWorkflow;
import com.trendcast.forecast.ModelCatalog;
import com.trendcast.forecast.Panel;
import com.trendcast.forecast.engine.Covariate;
import com.trendcast.forecast.engine.Forecast;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.eval.BacktestResult;
import com.trendcast.forecast.engine.eval.FoldForecast;
import com.trendcast.forecast.engine.global.GlobalForecastModel;
import com.trendcast.forecast.engine.lstm.EpochReport;
import com.trendcast.forecast.engine.lstm.LstmGlobalModel;
import com.trendcast.forecast.engine.lstm.TrainedLstm;
import com.trendcast.forecast.engine.lstm.TrainingCancelledException;
import com.trendcast.forecast.engine.lstm.TrainingControl;
import com.trendcast.forecast.engine.lstm.TrainingDivergedException;
import com.trendcast.forecast.engine.lstm.TrainingListener;
import com.trendcast.pipeline.PipelineService;
import com.trendcast.pipeline.PipelineVersion;
import com.trendcast.pipeline.spec.InvalidPipelineSpecException;
import com.trendcast.pipeline.spec.Level;
import com.trendcast.pipeline.spec.PipelineSpec;
import com.trendcast.security.AccessScope;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

/**
 * Executes one queued run: backtests the model and every baseline on the same folds through
 * {@link ForecastWorkflow}, trains the final model with progress, cancellation and a checkpoint per epoch, and
 * stores the forecasts with conformal intervals, the model file with its SHA-256 and the device it ran on.
 * <p>
 * Runs execute with the operator's scope: the launch checked that the launcher could see the pipeline, whose
 * category filter bounds the series. Files live in {@code <uploads>/training/<run id>/}.
 */
@Component
class TrainingRunner {

    static final String MODEL_FILE = "model.zip";
    static final String CHECKPOINT_FILE = "checkpoint.zip";
    static final String CALIBRATION_FILE = "calibration.json";
    private static final long PUBLISH_INTERVAL_NANOS = 250_000_000L;
    private static final long STORE_INTERVAL_NANOS = 2_000_000_000L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Logger log = LoggerFactory.getLogger(TrainingRunner.class);

    private final TrainingStore store;
    private final PipelineService pipelines;
    private final ComputeBackendService compute;
    private final ProgressHub hub;
    private final AuditService audit;
    private final TrainingProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final Path runsDirectory;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    private final Map<Long, AtomicBoolean> cancellations = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    TrainingRunner(TrainingStore store, PipelineService pipelines, ComputeBackendService compute, ProgressHub hub,
                   AuditService audit, TrainingProperties properties, ObjectMapper json, Clock clock,
                   @Value("${trendcast.uploads-dir}") Path uploadsDir) {
        this.store = store;
        this.pipelines = pipelines;
        this.compute = compute;
        this.hub = hub;
        this.audit = audit;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.runsDirectory = uploadsDir.resolve("training").toAbsolutePath().normalize();
    }

    /** Folder of a run's model, checkpoint and calibration files. */
    Path directory(long runId) {
        return runsDirectory.resolve(Long.toString(runId));
    }

    /**
     * The trained model's fold forecasts from a run's backtest (per series and fold, with the actuals), as the run
     * kept them to calibrate its intervals; empty when the run has none or its file is gone or unreadable.
     */
    List<FoldForecast> keptBacktest(long runId) {
        Path file = directory(runId).resolve(CALIBRATION_FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return json.readValue(file.toFile(), new TypeReference<List<FoldForecast>>() {
            });
        } catch (IOException e) {
            log.warn("Unreadable backtest file of training run {}: {}", runId, e.toString());
            return List.of();
        }
    }

    /** Asks a running run to stop before its next batch; false when it is not running here. */
    boolean requestCancel(long runId) {
        AtomicBoolean flag = cancellations.get(runId);
        if (flag == null) {
            return false;
        }
        flag.set(true);
        return true;
    }

    /** Stops running runs within a batch, so they end as interrupted and can be resumed after the restart. */
    @PreDestroy
    void shutDown() {
        shuttingDown = true;
        cancellations.values().forEach(flag -> flag.set(true));
    }

    /**
     * Executes the run if its backend has a free slot.
     *
     * @return false when no slot was free (the run stays queued); true when the run was executed or needs no
     *         execution any more (cancelled or deleted while queued, or interrupted by a crash)
     */
    boolean runIfSlotFree(long runId) {
        TrainingStore.Run run = store.find(runId).orElse(null);
        if (run == null || run.status() != RunStatus.QUEUED || shuttingDown) {
            return run == null || run.status() != RunStatus.QUEUED;
        }
        ComputeBackendInfo device = compute.describe();
        String backend = device.gpuDetected() ? Backend.GPU.name() : Backend.CPU.name();
        Semaphore slot = slots.computeIfAbsent(backend, key -> new Semaphore(properties.maxConcurrentPerBackend()));
        if (!slot.tryAcquire()) {
            return false;
        }
        try {
            AtomicBoolean cancel = new AtomicBoolean();
            cancellations.put(runId, cancel);
            if (store.start(runId, device.backend(), device.device(), clock.instant())) {
                execute(store.find(runId).orElseThrow(), cancel);
            }
            return true;
        } finally {
            cancellations.remove(runId);
            slot.release();
        }
    }

    private void execute(TrainingStore.Run run, AtomicBoolean cancel) {
        Recorder recorder = new Recorder(run, clock.instant());
        Path directory = directory(run.id());
        try {
            recorder.log("Run " + run.id() + " started on " + run.device() + ": " + run.model() + " on pipeline '"
                    + run.pipelineName() + "' version " + run.pipelineVersion());
            PipelineSpec spec = spec(run);
            List<TimeSeries> series = trimmed(pipelines.loadSeries(AccessScope.operator(), spec), spec.historyWindow());
            Panel panel = panel(series, spec.horizon());
            recorder.log(series.size() + " series of up to " + series.stream().mapToInt(TimeSeries::length).max()
                    .orElse(0) + " " + spec.frequency().name().toLowerCase() + " periods, horizon " + spec.horizon());
            LstmGlobalModel model = new LstmGlobalModel(run.hyperParameters().toSettings());
            Files.createDirectories(directory);
            Path calibrationFile = directory.resolve(CALIBRATION_FILE);
            List<FoldForecast> calibration;
            if (run.metricsJson() != null && Files.exists(calibrationFile)) {
                calibration = json.readValue(calibrationFile.toFile(), new TypeReference<List<FoldForecast>>() {
                });
                recorder.log("Backtest kept from the earlier attempt");
            } else {
                calibration = backtest(run, panel, spec.horizon(), model, cancel, recorder, calibrationFile);
            }
            recorder.phase(RunProgress.TRAINING);
            Path checkpoint = directory.resolve(CHECKPOINT_FILE);
            boolean resume = Files.exists(checkpoint);
            TrainedLstm trained = model.fit(series, spec.horizon(), panel.future(),
                    new TrainingControl(recorder, cancel::get, checkpoint, resume));
            recorder.phase(RunProgress.FORECAST);
            List<Forecast> forecasts = ForecastWorkflow.withIntervals(panel,
                    trained.forecast(series, panel.future()), calibration, properties.intervalLevel());
            Path modelFile = directory.resolve(MODEL_FILE);
            trained.save(modelFile);
            ModelFile stored = new ModelFile(modelFile.toString(), Files.size(modelFile), sha256(modelFile));
            store.succeed(run.id(), stored, forecasts, categories(spec, forecasts), clock.instant());
            Files.deleteIfExists(checkpoint);
            if (run.promoteOnSuccess()) {
                store.promote(run.pipelineId(), run.id(), run.launchedBy(), clock.instant());
                audit.record(run.launchedBy(), "training.promote", "Run " + run.id()
                        + " is the production model of pipeline " + run.pipelineId() + " '" + run.pipelineName()
                        + "' (promotion on success requested at launch)");
                recorder.log("Promoted to the production model of the pipeline");
            }
            recorder.log("Succeeded after " + trained.epochs() + " epochs; model " + stored.sizeBytes()
                    + " bytes, SHA-256 " + stored.sha256());
            recorder.finished(RunStatus.SUCCEEDED);
        } catch (TrainingCancelledException e) {
            RunStatus status = shuttingDown ? RunStatus.INTERRUPTED : RunStatus.CANCELLED;
            recorder.log(status == RunStatus.INTERRUPTED ? "Interrupted by the application stopping; resumable"
                    : "Cancelled: " + e.getMessage());
            store.finish(run.id(), status, null, clock.instant());
            recorder.finished(status);
        } catch (TrainingDivergedException e) {
            fail(run, recorder, new RunFailure("training.failed.diverged", List.of(String.valueOf(e.epoch()),
                    String.valueOf(e.step()), String.valueOf(run.hyperParameters().learningRate()))), e);
        } catch (InvalidPipelineSpecException e) {
            fail(run, recorder, new RunFailure("training.failed.pipelineInvalid", List.of(run.pipelineName())), e);
        } catch (UserFacingException e) {
            fail(run, recorder, new RunFailure(e.messageKey(), Arrays.stream(e.arguments()).map(String::valueOf)
                    .toList()), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            fail(run, recorder, new RunFailure("training.failed.data", List.of(String.valueOf(e.getMessage()))), e);
        } catch (IOException | UncheckedIOException e) {
            fail(run, recorder, new RunFailure("training.failed.files", List.of(String.valueOf(e.getMessage()))), e);
        } catch (RuntimeException e) {
            log.error("Training run {} failed unexpectedly", run.id(), e);
            fail(run, recorder, new RunFailure("training.failed.unexpected", List.of(e.toString())), e);
        }
    }

    private List<FoldForecast> backtest(TrainingStore.Run run, Panel panel, int horizon, LstmGlobalModel model,
                                        AtomicBoolean cancel, Recorder recorder, Path calibrationFile)
            throws IOException {
        recorder.phase(RunProgress.BACKTEST);
        List<GlobalForecastModel> models = new ArrayList<>();
        models.add(new FoldTrainedLstm(model, cancel, recorder));
        ModelCatalog.BASELINES.forEach(name -> models.add(ModelCatalog.model(name, run.hyperParameters().seed())));
        recorder.log("Backtest: " + run.model() + " and " + String.join(", ", ModelCatalog.BASELINES) + " on "
                + properties.folds() + " folds");
        BacktestResult backtest = ForecastWorkflow.backtestModels(panel, horizon, properties.folds(), models);
        Map<String, Map<String, Object>> metrics = new LinkedHashMap<>();
        ForecastWorkflow.accuracy(panel, backtest, properties.intervalLevel())
                .forEach((name, accuracy) -> metrics.put(name, ForecastOutput.metrics(accuracy)));
        store.metrics(run.id(), metrics);
        List<FoldForecast> calibration = backtest.forecastsOf(model.name());
        json.writeValue(calibrationFile.toFile(), calibration);
        Object wape = metrics.get(model.name()).get("wape");
        recorder.log("Backtest WAPE of " + model.name() + ": " + wape);
        return calibration;
    }

    private void fail(TrainingStore.Run run, Recorder recorder, RunFailure failure, Exception cause) {
        log.warn("Training run {} failed: {}", run.id(), cause.toString());
        recorder.log("Failed: " + failure.message(Locale.ROOT));
        store.finish(run.id(), RunStatus.FAILED, failure, clock.instant());
        recorder.finished(RunStatus.FAILED);
    }

    private PipelineSpec spec(TrainingStore.Run run) {
        return pipelines.versions(AccessScope.operator(), run.pipelineId()).stream()
                .filter(version -> version.version() == run.pipelineVersion()).map(PipelineVersion::spec)
                .findFirst().orElseThrow(() -> new UserFacingException("training.failed.pipelineGone",
                        run.pipelineName()));
    }

    private static Panel panel(List<TimeSeries> series, int horizon) {
        List<Map<String, double[]>> future = new ArrayList<>();
        for (TimeSeries one : series) {
            future.add(lastValuesCarriedForward(one, horizon));
        }
        int keyLength = series.isEmpty() ? 0 : series.get(0).key().size();
        return new Panel(IntStream.range(0, keyLength).mapToObj(i -> "key" + (i + 1)).toList(), series, future,
                Set.of());
    }

    /**
     * Known-in-advance covariates over the horizon: the stored data ends with the history, so each keeps its last
     * value (a price or promotion share that stays as it is).
     */
    private static Map<String, double[]> lastValuesCarriedForward(TimeSeries series, int horizon) {
        Map<String, double[]> future = new LinkedHashMap<>();
        for (Covariate covariate : series.covariates().values()) {
            if (covariate.knownInAdvance()) {
                double[] values = new double[horizon];
                Arrays.fill(values, covariate.length() > 0 ? covariate.valueAt(covariate.length() - 1) : 0);
                future.put(covariate.name(), values);
            }
        }
        return future;
    }

    private static List<TimeSeries> trimmed(List<TimeSeries> series, int historyWindow) {
        return series.stream().map(one -> one.length() > historyWindow
                ? one.slice(one.length() - historyWindow, one.length()) : one).toList();
    }

    private static List<String> categories(PipelineSpec spec, List<Forecast> forecasts) {
        return forecasts.stream().map(forecast -> spec.level() == Level.TOTAL || forecast.key().isEmpty()
                ? spec.filter().category1() : forecast.key().get(0)).toList();
    }

    /** Lower-case hex SHA-256 of a file. */
    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** The run's LSTM inside the backtest: trained per fold, cancellable, logging each fold. */
    private static final class FoldTrainedLstm implements GlobalForecastModel {

        private final LstmGlobalModel model;
        private final AtomicBoolean cancel;
        private final Recorder recorder;
        private int fold;

        FoldTrainedLstm(LstmGlobalModel model, AtomicBoolean cancel, Recorder recorder) {
            this.model = model;
            this.cancel = cancel;
            this.recorder = recorder;
        }

        @Override
        public String name() {
            return model.name();
        }

        @Override
        public List<double[]> forecast(List<TimeSeries> histories, int horizon,
                                       List<Map<String, double[]>> futureCovariates) {
            fold++;
            recorder.log("Backtest fold " + fold + ": training on " + histories.size() + " series");
            TrainingListener foldLog = new TrainingListener() {
                @Override
                public void log(String line) {
                    recorder.log("Fold " + fold + ": " + line);
                }
            };
            return model.fit(histories, horizon, futureCovariates, new TrainingControl(foldLog, cancel::get, null,
                    false)).forecast(histories, futureCovariates);
        }
    }

    /**
     * Follows one run: keeps the log tail, stores epochs at once and progress every few seconds, and publishes
     * updates to subscribers at most four times a second, so the training loop does no more than enqueue.
     */
    private final class Recorder implements TrainingListener {

        private final long runId;
        private final int maxEpochs;
        private final Instant started;
        private final Deque<String> tail = new ArrayDeque<>();
        private final List<String> unpublished = new ArrayList<>();
        private String phase;
        private int epoch;
        private int step;
        private int stepsPerEpoch;
        private double secondsPerEpoch = Double.NaN;
        private long lastPublished;
        private long lastStored;

        Recorder(TrainingStore.Run run, Instant started) {
            this.runId = run.id();
            this.maxEpochs = run.hyperParameters().maxEpochs();
            this.started = run.startedAt() != null ? run.startedAt() : started;
            if (run.logTail() != null && !run.logTail().isEmpty()) {
                tail.addAll(List.of(run.logTail().split("\n")));
            }
        }

        void phase(String newPhase) {
            phase = newPhase;
            store.progress(runId, phase, epoch, step, stepsPerEpoch);
            publish(null, RunStatus.RUNNING, true);
        }

        @Override
        public void stepFinished(int epoch, int step, int stepsPerEpoch, double loss) {
            this.epoch = epoch;
            this.step = step;
            this.stepsPerEpoch = stepsPerEpoch;
            long now = System.nanoTime();
            if (now - lastStored > STORE_INTERVAL_NANOS) {
                lastStored = now;
                store.progress(runId, phase, epoch, step, stepsPerEpoch);
            }
            if (now - lastPublished > PUBLISH_INTERVAL_NANOS) {
                publish(null, RunStatus.RUNNING, false);
            }
        }

        @Override
        public void epochFinished(EpochReport report) {
            EpochLoss loss = new EpochLoss(report.epoch(), report.trainLoss(), report.validationLoss(),
                    report.validationWape(), report.seconds());
            secondsPerEpoch = report.seconds() / report.epoch();
            store.epoch(runId, loss);
            store.progress(runId, phase, epoch, step, stepsPerEpoch);
            log(String.format("Epoch %d/%d: train loss %.5f, validation loss %.5f, validation WAPE %.4f%s",
                    report.epoch(), report.maxEpochs(), report.trainLoss(), report.validationLoss(),
                    report.validationWape(), report.best() ? " (best)" : ""));
            publish(loss, RunStatus.RUNNING, true);
        }

        @Override
        public synchronized void log(String line) {
            String stamped = LocalTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(TIME) + " " + line;
            tail.addLast(stamped);
            while (tail.size() > properties.logLines()) {
                tail.removeFirst();
            }
            unpublished.add(stamped);
            store.logTail(runId, List.copyOf(tail));
        }

        void finished(RunStatus status) {
            publish(null, status, true);
        }

        private synchronized void publish(EpochLoss loss, RunStatus status, boolean always) {
            long now = System.nanoTime();
            if (!always && now - lastPublished < PUBLISH_INTERVAL_NANOS) {
                return;
            }
            lastPublished = now;
            Duration elapsed = Duration.between(started, clock.instant());
            Duration remaining = Double.isNaN(secondsPerEpoch) || !RunProgress.TRAINING.equals(phase) ? null
                    : Duration.ofMillis((long) (secondsPerEpoch * 1000 * Math.max(0, maxEpochs - epoch)));
            hub.publish(new RunUpdate(runId, status, new RunProgress(phase, epoch, maxEpochs, step, stepsPerEpoch,
                    elapsed, remaining), loss, List.copyOf(unpublished)));
            unpublished.clear();
        }
    }
}
