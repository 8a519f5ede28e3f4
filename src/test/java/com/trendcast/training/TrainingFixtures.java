package com.trendcast.training;

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
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.fail;

/** A small daily sales panel (Kitchen and Garden, 98 days with a weekly pattern) and pipelines on it. */
public final class TrainingFixtures {

    public static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    public static final int DAYS = 98;
    public static final int HORIZON = 7;
    public static final AccessScope ADMIN = new AccessScope("training-admin", true, Set.of());
    /** Two tiny epochs: a run takes seconds. */
    public static final HyperParameters TINY = new HyperParameters(1, 4, 0, 1e-2, 64, 2, 14, 2, 7);

    private TrainingFixtures() {
    }

    public static long salesDataset(JdbcTemplate jdbc) {
        SalesFixtures fixtures = SalesFixtures.newDataset(jdbc, "training " + UUID.randomUUID());
        long pan = fixtures.product("PAN", "Pan", "Kitchen", "Cookware");
        long hose = fixtures.product("HOSE", "Hose", "Garden", "Watering");
        for (int day = 0; day < DAYS; day++) {
            double weekly = 1 + day % 7;
            fixtures.sale(pan, FIRST_DAY.plusDays(day), 10 + weekly, 100);
            fixtures.sale(hose, FIRST_DAY.plusDays(day), 20 + 2 * weekly, 200);
        }
        return fixtures.datasetId();
    }

    public static PipelineSpec spec(long datasetId, List<String> categoryPath) {
        return new PipelineSpec(PipelineSpec.CURRENT_SCHEMA_VERSION, datasetId, Target.UNITS, Level.CATEGORY1,
                new SeriesFilter(categoryPath, null, null), Frequency.DAY, Aggregation.SUM, HORIZON, DAYS,
                new FeatureSelection(List.of(1), List.of(), List.of(), Set.of(), Set.of(), List.of()),
                new Treatment(GapFilling.Method.ZERO, OutlierClipping.none(), Scaling.NONE));
    }

    public static long pipeline(PipelineService pipelines, long datasetId, List<String> categoryPath) {
        return pipelines.create(ADMIN, "training test " + UUID.randomUUID(), spec(datasetId, categoryPath)).id();
    }

    public static TrainingRunDetail awaitRun(TrainingService training, AccessScope scope, long runId,
                                      Predicate<TrainingRunDetail> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        TrainingRunDetail detail = training.get(scope, runId);
        while (!condition.test(detail)) {
            if (System.nanoTime() > deadline) {
                fail("Run " + runId + " did not get there in " + timeout + "; now " + detail.summary().status()
                        + ", log: " + detail.log());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
            detail = training.get(scope, runId);
        }
        return detail;
    }

    public static TrainingRunDetail awaitFinished(TrainingService training, AccessScope scope, long runId) {
        return awaitRun(training, scope, runId, detail -> detail.summary().status().finished(), Duration.ofSeconds(120));
    }

    /**
     * Cancels whichever of the runs a test launched is still queued or running, and waits for it to stop: a run
     * left active by a failing test would hold the only CPU slot for the next test.
     */
    public static void cancelUnfinished(TrainingService training, AccessScope scope, List<Long> runIds) {
        for (long runId : runIds) {
            if (!training.get(scope, runId).summary().status().finished()) {
                training.cancel(scope, runId);
                awaitFinished(training, scope, runId);
            }
        }
    }
}
