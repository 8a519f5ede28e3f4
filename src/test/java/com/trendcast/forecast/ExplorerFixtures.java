package com.trendcast.forecast;

import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.GapFilling;
import com.trendcast.pipeline.PipelineService;
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
import com.trendcast.testsupport.SalesFixtures;
import com.trendcast.training.Backend;
import com.trendcast.training.HyperParameters;
import com.trendcast.training.RunStatus;
import com.trendcast.training.TrainingRequest;
import com.trendcast.training.TrainingRunDetail;
import com.trendcast.training.TrainingService;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A daily panel whose sums are checked by hand, and pipelines on it with a production run trained the real way (a
 * tiny LSTM: one layer of four units, two epochs).
 * <p>
 * Day {@code d} (from 2024-01-01, 98 days, {@code w = d % 7}): PAN (Kitchen › Cookware) sells {@code 1 + w}, MUG
 * (Kitchen › Tableware) {@code 2}, or {@code 4} when {@code w = 0}, HOSE (Garden › Watering) {@code 10 + d % 2}.
 * So Kitchen sells {@code 5, 4, 5, 6, 7, 8, 9} over a week starting on a day with {@code w = 0}.
 */
public final class ExplorerFixtures {

    public static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    public static final int DAYS = 98;
    public static final int HORIZON = 7;
    public static final AccessScope ADMIN = new AccessScope("explorer-admin", true, Set.of());
    private static final HyperParameters TINY = new HyperParameters(1, 4, 0, 1e-2, 64, 2, 14, 2, 7);
    private static final long RUN_TIMEOUT_NANOS = 180_000_000_000L;

    private ExplorerFixtures() {
    }

    public static long salesDataset(JdbcTemplate jdbc) {
        SalesFixtures fixtures = SalesFixtures.newDataset(jdbc, "explorer " + UUID.randomUUID());
        long pan = fixtures.product("PAN", "Pan", "Kitchen", "Cookware");
        long mug = fixtures.product("MUG", "Mug", "Kitchen", "Tableware");
        long hose = fixtures.product("HOSE", "Hose", "Garden", "Watering");
        for (int day = 0; day < DAYS; day++) {
            int weekday = day % 7;
            fixtures.sale(pan, FIRST_DAY.plusDays(day), 1 + weekday, 10);
            fixtures.sale(mug, FIRST_DAY.plusDays(day), weekday == 0 ? 4 : 2, 10);
            fixtures.sale(hose, FIRST_DAY.plusDays(day), 10 + day % 2, 10);
        }
        return fixtures.datasetId();
    }

    /** Units per sub-category (keys {@code [category1, category2]}), daily, seven days ahead. */
    public static PipelineSpec spec(long datasetId, List<String> categoryPath) {
        return new PipelineSpec(PipelineSpec.CURRENT_SCHEMA_VERSION, datasetId, Target.UNITS, Level.CATEGORY2,
                new SeriesFilter(categoryPath, null, null), Frequency.DAY, Aggregation.SUM, HORIZON, DAYS,
                new FeatureSelection(List.of(1), List.of(), List.of(), Set.of(), Set.of(), List.of()),
                new Treatment(GapFilling.Method.ZERO, OutlierClipping.none(), Scaling.NONE));
    }

    /** Units per product (keys {@code [category1, category2, "", sku]}), daily, seven days ahead. */
    public static PipelineSpec productSpec(long datasetId) {
        return new PipelineSpec(PipelineSpec.CURRENT_SCHEMA_VERSION, datasetId, Target.UNITS, Level.PRODUCT,
                new SeriesFilter(List.of(), null, null), Frequency.DAY, Aggregation.SUM, HORIZON, DAYS,
                new FeatureSelection(List.of(1), List.of(), List.of(), Set.of(), Set.of(), List.of()),
                new Treatment(GapFilling.Method.ZERO, OutlierClipping.none(), Scaling.NONE));
    }

    /** Creates a pipeline, trains a tiny LSTM on it, promotes the run and returns the pipeline's id. */
    public static long promotedPipeline(PipelineService pipelines, TrainingService training, long datasetId,
                                        List<String> categoryPath) {
        return promotedPipeline(pipelines, training, datasetId, categoryPath, "explorer test " + UUID.randomUUID());
    }

    /** As {@link #promotedPipeline(PipelineService, TrainingService, long, List)}, under a given name. */
    public static long promotedPipeline(PipelineService pipelines, TrainingService training, long datasetId,
                                        List<String> categoryPath, String name) {
        return promotedPipeline(pipelines, training, spec(datasetId, categoryPath), name);
    }

    /** As {@link #promotedPipeline(PipelineService, TrainingService, long, List)}, for any spec. */
    public static long promotedPipeline(PipelineService pipelines, TrainingService training, PipelineSpec spec,
                                        String name) {
        long pipeline = pipelines.create(ADMIN, name, spec).id();
        long runId = training.launch(ADMIN, new TrainingRequest(pipeline, "lstm", TINY, Backend.AUTO, false));
        long deadline = System.nanoTime() + RUN_TIMEOUT_NANOS;
        TrainingRunDetail run = training.get(ADMIN, runId);
        while (!run.summary().status().finished()) {
            if (System.nanoTime() > deadline) {
                fail("Run " + runId + " did not finish; log: " + run.log());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
            run = training.get(ADMIN, runId);
        }
        assertThat(run.summary().status()).as("log: %s", run.log()).isEqualTo(RunStatus.SUCCEEDED);
        training.promote(ADMIN, runId);
        return pipeline;
    }
}
