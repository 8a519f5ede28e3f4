package com.trendcast.training.api;

import com.trendcast.training.Backend;
import com.trendcast.training.EpochLoss;
import com.trendcast.training.HyperParameters;
import com.trendcast.training.RunFailure;
import com.trendcast.training.RunProgress;
import com.trendcast.training.TrainingRunDetail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything about one run, as a script polls it.
 *
 * @param backend   the ND4J backend it ran on (e.g. "CPU"), {@code null} before it started
 * @param device    the device it ran on, {@code null} before it started
 * @param metrics   backtest metrics of the trained model and of each baseline on the same folds; empty maps until
 *                  the backtest is done
 * @param modelFile the trained model's size and SHA-256, {@code null} unless the run succeeded (the file stays on
 *                  the server)
 * @param failure   why it failed, {@code null} unless it did
 */
record RunResponse(RunSummaryResponse run, Backend requestedBackend, String backend, String device,
                   HyperParameters hyperParameters, Progress progress, Metrics metrics, List<Loss> losses,
                   ModelFile modelFile, Failure failure) {

    static RunResponse of(TrainingRunDetail detail, Locale locale) {
        String model = detail.summary().model();
        Map<String, Object> modelMetrics = detail.metrics().getOrDefault(model, Map.of());
        Map<String, Map<String, Object>> baselines = new LinkedHashMap<>(detail.metrics());
        baselines.remove(model);
        RunFailure failure = detail.failure();
        return new RunResponse(RunSummaryResponse.of(detail.summary()), detail.requestedBackend(), detail.backend(),
                detail.device(), detail.hyperParameters(), Progress.of(detail.progress()),
                new Metrics(modelMetrics, baselines), detail.losses().stream().map(Loss::of).toList(),
                detail.modelFile() == null ? null
                        : new ModelFile(detail.modelFile().sizeBytes(), detail.modelFile().sha256()),
                failure == null ? null : new Failure(failure.key(), failure.message(locale)));
    }

    /**
     * How far the run has got.
     *
     * @param phase            backtest, training, forecast, or {@code null} before it started
     * @param fraction         share of the final training's batches done, 0 to 1
     * @param remainingSeconds estimate for the final training, {@code null} when unknown
     */
    record Progress(String phase, int epoch, int maxEpochs, int step, int stepsPerEpoch, double fraction,
                    double elapsedSeconds, Double remainingSeconds) {

        static Progress of(RunProgress progress) {
            return new Progress(progress.phase(), progress.epoch(), progress.maxEpochs(), progress.step(),
                    progress.stepsPerEpoch(), progress.fraction(), progress.elapsed().toMillis() / 1000.0,
                    progress.remaining() == null ? null : progress.remaining().toMillis() / 1000.0);
        }
    }

    /**
     * Backtest metrics by name (count, mse, rmse, mae, r2, mape, mapeExcluded, smape, wape, mase, bias, coverage,
     * meanIntervalWidth; {@code null} where undefined).
     *
     * @param model     the trained model's
     * @param baselines each baseline's, by model name
     */
    record Metrics(Map<String, Object> model, Map<String, Map<String, Object>> baselines) {
    }

    /** Losses of one finished epoch; {@code NaN} values (no validation split, a diverged loss) are written as {@code null}. */
    record Loss(int epoch, Double trainLoss, Double validationLoss, Double validationWape, double seconds) {

        static Loss of(EpochLoss loss) {
            return new Loss(loss.epoch(), finite(loss.trainLoss()), finite(loss.validationLoss()),
                    finite(loss.validationWape()), loss.seconds());
        }

        private static Double finite(double value) {
            return Double.isFinite(value) ? value : null;
        }
    }

    record ModelFile(long sizeBytes, String sha256) {
    }

    /**
     * @param code    stable, the message key (e.g. {@code pipeline.series.none})
     * @param message in the request's language
     */
    record Failure(String code, String message) {
    }
}
