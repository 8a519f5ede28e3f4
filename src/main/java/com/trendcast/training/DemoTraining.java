package com.trendcast.training;

import com.trendcast.dataset.DemoDataImported;
import com.trendcast.forecast.ModelCatalog;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.GapFilling;
import com.trendcast.pipeline.PipelineService;
import com.trendcast.pipeline.PipelineSummary;
import com.trendcast.pipeline.spec.Aggregation;
import com.trendcast.pipeline.spec.FeatureSelection;
import com.trendcast.pipeline.spec.Level;
import com.trendcast.pipeline.spec.OutlierClipping;
import com.trendcast.pipeline.spec.PipelineSpec;
import com.trendcast.pipeline.spec.Scaling;
import com.trendcast.pipeline.spec.SeriesFilter;
import com.trendcast.pipeline.spec.Target;
import com.trendcast.pipeline.spec.Treatment;
import com.trendcast.security.AccessScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * On the first start with demo data: a demo feature pipeline (weekly units per first-level category) unless one
 * exists on the demo dataset, and one small LSTM run on it, promoted when it succeeds, so the training and
 * forecast views have a finished run and a production forecast to show. The run is sized to finish within about
 * two minutes on two cores.
 */
@Component
class DemoTraining {

    static final String PIPELINE_NAME = "Demo: weekly units by category";
    /** One small layer; the weekly panel has a few hundred windows, so epochs take well under a second. */
    static final HyperParameters DEMO = new HyperParameters(1, 16, 0, 4e-3, 32, 30, 0, 5, 42);
    private static final int HORIZON_WEEKS = 8;
    private static final int HISTORY_WEEKS = 60;
    private static final Logger log = LoggerFactory.getLogger(DemoTraining.class);

    private final PipelineService pipelines;
    private final TrainingService training;
    private final TrainingProperties properties;

    DemoTraining(PipelineService pipelines, TrainingService training, TrainingProperties properties) {
        this.pipelines = pipelines;
        this.training = training;
        this.properties = properties;
    }

    @EventListener
    void onDemoData(DemoDataImported imported) {
        if (!properties.demoRun()) {
            return;
        }
        AccessScope owner = new AccessScope(imported.owner(), true, Set.of());
        boolean exists = pipelines.list(owner).stream()
                .anyMatch(pipeline -> pipeline.spec().datasetId() == imported.salesDatasetId());
        if (exists) {
            return;
        }
        PipelineSummary pipeline = pipelines.create(owner, PIPELINE_NAME, spec(imported.salesDatasetId()));
        long runId = training.launch(owner, new TrainingRequest(pipeline.id(), ModelCatalog.LSTM, DEMO,
                Backend.AUTO, true));
        log.info("Demo pipeline {} created and demo training run {} queued", pipeline.id(), runId);
    }

    static PipelineSpec spec(long datasetId) {
        return new PipelineSpec(PipelineSpec.CURRENT_SCHEMA_VERSION, datasetId, Target.UNITS, Level.CATEGORY1,
                SeriesFilter.all(), Frequency.WEEK, Aggregation.SUM, HORIZON_WEEKS, HISTORY_WEEKS,
                new FeatureSelection(List.of(1, 52), List.of(4), List.of(), Set.of(), Set.of(), List.of()),
                new Treatment(GapFilling.Method.ZERO, OutlierClipping.none(), Scaling.NONE));
    }
}
