package com.trendcast.training;

import com.trendcast.dataset.DemoDataImported;
import com.trendcast.pipeline.PipelineService;
import com.trendcast.pipeline.PipelineSummary;
import com.trendcast.testsupport.SalesFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static com.trendcast.training.TrainingFixtures.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class DemoTrainingTest {

    /** The demo run's full budget (30 epochs, four trainings), with room for a machine shared by many builds. */
    private static final Duration DEMO_RUN_TIMEOUT = Duration.ofMinutes(6);

    @Autowired
    private ApplicationEventPublisher events;
    @Autowired
    private PipelineService pipelines;
    @Autowired
    private TrainingService training;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void demoDataGetsAPipelineAndAPromotedRunOnceOnly() {
        SalesFixtures fixtures = SalesFixtures.newDataset(jdbc, "demo training " + UUID.randomUUID());
        long mug = fixtures.product("MUG", "Mug", "Kitchen", "Tableware");
        long pot = fixtures.product("POT", "Pot", "Garden", "Planters");
        LocalDate first = LocalDate.of(2023, 1, 2);
        for (int week = 0; week < 60; week++) {
            fixtures.sale(mug, first.plusWeeks(week), 20 + week % 4, 100);
            fixtures.sale(pot, first.plusWeeks(week), 5 + week % 3, 50);
        }

        events.publishEvent(new DemoDataImported(fixtures.datasetId(), ADMIN.username()));
        events.publishEvent(new DemoDataImported(fixtures.datasetId(), ADMIN.username()));

        PipelineSummary pipeline = pipelines.list(ADMIN).stream()
                .filter(candidate -> candidate.spec().datasetId() == fixtures.datasetId()).findFirst().orElseThrow();
        assertThat(pipeline.name()).isEqualTo(DemoTraining.PIPELINE_NAME);
        assertThat(training.list(ADMIN, new RunFilter(null, pipeline.id(), null))).singleElement()
                .satisfies(run -> {
                    TrainingRunDetail finished = TrainingFixtures.awaitRun(training, ADMIN, run.id(),
                            detail -> detail.summary().status().finished(), DEMO_RUN_TIMEOUT);
                    assertThat(finished.summary().status()).as("log: %s", finished.log())
                            .isEqualTo(RunStatus.SUCCEEDED);
                    assertThat(finished.hyperParameters()).isEqualTo(DemoTraining.DEMO);
                });
        assertThat(training.productionForecast(ADMIN, pipeline.id()).rows()).hasSize(2 * 8);
    }
}
