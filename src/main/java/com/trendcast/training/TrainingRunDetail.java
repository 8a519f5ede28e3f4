package com.trendcast.training;

import java.util.List;
import java.util.Map;

/**
 * Everything about one run.
 *
 * @param requestedBackend what the launcher asked for
 * @param backend          the ND4J backend it ran on (e.g. "CPU"), {@code null} before it started
 * @param device           the device it ran on, e.g. "CPU: Intel Xeon (2 cores, 1 OpenMP thread)"
 * @param metrics          per model (the trained model under its name, then every baseline, all on the same
 *                         backtest folds): count, mse, rmse, mae, r2, mape, mapeExcluded, smape, wape, mase, bias,
 *                         coverage, meanIntervalWidth ({@code null} where undefined); empty until the backtest is
 *                         done
 * @param losses           per finished epoch of the final training
 * @param modelFile        the trained model, {@code null} unless the run succeeded
 * @param failure          why it failed, {@code null} unless it did
 * @param log              the newest lines of the run's log, oldest first
 */
public record TrainingRunDetail(TrainingRunSummary summary, HyperParameters hyperParameters, Backend requestedBackend,
                                RunProgress progress, String backend, String device,
                                Map<String, Map<String, Object>> metrics, List<EpochLoss> losses,
                                ModelFile modelFile, RunFailure failure, List<String> log) {
}
