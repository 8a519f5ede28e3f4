package com.trendcast.pipeline.spec;

import com.trendcast.forecast.engine.Frequency;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A feature pipeline: which stored sales become which series, and which features and treatment they get.
 * Stored and exported as JSON (see {@link PipelineSpecJson}); {@link #schemaVersion()} lets a later Trendcast
 * recognise files written by this one.
 *
 * @param schemaVersion  layout of the JSON, {@link #CURRENT_SCHEMA_VERSION} for specs written now
 * @param datasetId      source sales dataset
 * @param target         the measure forecast
 * @param level          the grain of the series
 * @param filter         which categories, region and channel feed the series
 * @param frequency      period length; daily sales are aggregated with {@code aggregation}
 * @param aggregation    how days combine into a period
 * @param horizon        periods to forecast, at least 1
 * @param historyWindow  trailing periods of history used, at least the longest look-back plus the horizon
 * @param features       the derived features
 * @param treatment      cleaning of the target
 */
public record PipelineSpec(int schemaVersion, long datasetId, Target target, Level level, SeriesFilter filter,
                           Frequency frequency, Aggregation aggregation, int horizon, int historyWindow,
                           FeatureSelection features, Treatment treatment) {

    public static final int CURRENT_SCHEMA_VERSION = 1;
    private static final int MAX_CATEGORY_DEPTH = 3;

    public PipelineSpec {
        filter = filter == null ? SeriesFilter.all() : filter;
        features = features == null ? new FeatureSelection(null, null, null, null, null, null) : features;
    }

    /** Every rule this spec breaks, as translatable messages; empty for a usable spec. */
    public List<SpecProblem> problems() {
        List<SpecProblem> problems = new ArrayList<>();
        if (schemaVersion != CURRENT_SCHEMA_VERSION) {
            problems.add(new SpecProblem("pipeline.spec.schemaVersion", schemaVersion, CURRENT_SCHEMA_VERSION));
        }
        if (datasetId <= 0) {
            problems.add(new SpecProblem("pipeline.spec.dataset"));
        }
        requirePresent(problems, target, "target");
        requirePresent(problems, level, "level");
        requirePresent(problems, frequency, "frequency");
        requirePresent(problems, aggregation, "aggregation");
        if (treatment == null || treatment.missing() == null || treatment.outliers() == null
                || treatment.outliers().method() == null || treatment.scaling() == null) {
            problems.add(new SpecProblem("pipeline.spec.required", "treatment"));
        } else if (treatment.outliers().method() != OutlierClipping.Method.NONE
                && !(treatment.outliers().threshold() > 0)) {
            problems.add(new SpecProblem("pipeline.spec.outlierThreshold", treatment.outliers().threshold()));
        }
        checkFilter(problems);
        if (horizon < 1) {
            problems.add(new SpecProblem("pipeline.spec.horizon", horizon));
        }
        for (int lag : features.lags()) {
            if (lag < 1) {
                problems.add(new SpecProblem("pipeline.spec.lag", lag));
            }
        }
        for (List<Integer> windows : List.of(features.rollingMeanWindows(), features.rollingStdWindows())) {
            for (int window : windows) {
                if (window < 2) {
                    problems.add(new SpecProblem("pipeline.spec.window", window));
                }
            }
        }
        if (hasDuplicates(features.lags()) || hasDuplicates(features.rollingMeanWindows())
                || hasDuplicates(features.rollingStdWindows())) {
            problems.add(new SpecProblem("pipeline.spec.duplicateLength"));
        }
        int needed = features.longestLookBack() + Math.max(horizon, 1);
        if (historyWindow < needed) {
            problems.add(new SpecProblem("pipeline.spec.historyWindow", historyWindow, needed));
        }
        if (features.calendar().contains(CalendarFeature.DAY_OF_WEEK) && frequency != null
                && frequency != Frequency.DAY) {
            problems.add(new SpecProblem("pipeline.spec.dayOfWeekNeedsDaily"));
        }
        Set<DataCovariate> covariates = new HashSet<>();
        for (CovariateChoice choice : features.covariates()) {
            if (choice == null || choice.source() == null || !covariates.add(choice.source())) {
                problems.add(new SpecProblem("pipeline.spec.covariate"));
            }
        }
        return problems;
    }

    /**
     * Checks the spec.
     *
     * @throws InvalidPipelineSpecException listing every problem found
     */
    public PipelineSpec validated() {
        List<SpecProblem> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidPipelineSpecException(problems);
        }
        return this;
    }

    private void checkFilter(List<SpecProblem> problems) {
        List<String> path = filter.categoryPath();
        if (path.size() > MAX_CATEGORY_DEPTH) {
            problems.add(new SpecProblem("pipeline.spec.categoryDepth", MAX_CATEGORY_DEPTH));
        }
        for (String category : path) {
            if (category == null || category.isBlank()) {
                problems.add(new SpecProblem("pipeline.spec.categoryBlank"));
                return;
            }
        }
    }

    private static void requirePresent(List<SpecProblem> problems, Object value, String field) {
        if (value == null) {
            problems.add(new SpecProblem("pipeline.spec.required", field));
        }
    }

    private static boolean hasDuplicates(List<Integer> lengths) {
        return new HashSet<>(lengths).size() != lengths.size();
    }
}
