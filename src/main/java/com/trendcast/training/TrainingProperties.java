package com.trendcast.training;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Training run settings ({@code trendcast.training.*}).
 *
 * @param maxConcurrentPerBackend runs training at the same time on one backend (CPU or GPU)
 * @param folds                   rolling-origin backtest folds shared by the model and the baselines
 * @param intervalLevel           nominal coverage of the stored prediction intervals
 * @param logLines                log lines kept per run
 * @param demoRun                 on the first start with demo data, create a demo pipeline and train it once
 */
@ConfigurationProperties("trendcast.training")
public record TrainingProperties(Integer maxConcurrentPerBackend, Integer folds, Double intervalLevel,
                                 Integer logLines, Boolean demoRun) {

    public TrainingProperties {
        maxConcurrentPerBackend = maxConcurrentPerBackend == null ? 1 : maxConcurrentPerBackend;
        folds = folds == null ? 3 : folds;
        intervalLevel = intervalLevel == null ? 0.8 : intervalLevel;
        logLines = logLines == null ? 200 : logLines;
        demoRun = demoRun == null || demoRun;
        if (maxConcurrentPerBackend < 1 || folds < 1 || !(intervalLevel > 0 && intervalLevel < 1) || logLines < 1) {
            throw new IllegalArgumentException("trendcast.training: concurrency, folds and log lines must be"
                    + " positive and the interval level inside (0, 1)");
        }
    }
}
