package com.trendcast.pipeline.spec;

import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.GapFilling;

import java.util.List;
import java.util.Set;

/** Small specs for tests, varied one aspect at a time. */
final class Specs {

    private Specs() {
    }

    static PipelineSpec daily(FeatureSelection features, Treatment treatment, int historyWindow) {
        return new PipelineSpec(PipelineSpec.CURRENT_SCHEMA_VERSION, 1, Target.UNITS, Level.TOTAL,
                SeriesFilter.all(), Frequency.DAY, Aggregation.SUM, 1, historyWindow, features, treatment);
    }

    static FeatureSelection lagsOnly(Integer... lags) {
        return new FeatureSelection(List.of(lags), List.of(), List.of(), Set.of(), Set.of(), List.of());
    }

    static Treatment plain() {
        return new Treatment(GapFilling.Method.ZERO, OutlierClipping.none(), Scaling.NONE);
    }

    static Treatment scaled(Scaling scaling) {
        return new Treatment(GapFilling.Method.ZERO, OutlierClipping.none(), scaling);
    }

    static Treatment clipped(OutlierClipping clipping) {
        return new Treatment(GapFilling.Method.ZERO, clipping, Scaling.NONE);
    }
}
