package com.trendcast.training;

import com.trendcast.TrendcastApplication;
import com.trendcast.forecast.ModelCatalog;
import com.trendcast.pipeline.PipelineService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static com.trendcast.training.TrainingFixtures.ADMIN;
import static com.trendcast.training.TrainingFixtures.TINY;
import static org.assertj.core.api.Assertions.assertThat;

/** Two application contexts one after the other on the same H2 file, as a restart of the server. */
class TrainingQueueRestartTest {

    private final String url = "jdbc:h2:file:./target/training-restart-" + UUID.randomUUID() + "/trendcast";

    @Test
    void aQueuedRunSurvivesARestartAndRunsAfterwards() {
        long runId;
        try (ConfigurableApplicationContext first = start("1h", false)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            long pipeline = TrainingFixtures.pipeline(first.getBean(PipelineService.class),
                    TrainingFixtures.salesDataset(jdbc), List.of());
            runId = first.getBean(TrainingService.class).launch(ADMIN, new TrainingRequest(pipeline,
                    ModelCatalog.LSTM, TINY, Backend.AUTO, false));
            assertThat(first.getBean(TrainingService.class).get(ADMIN, runId).summary().status())
                    .isEqualTo(RunStatus.QUEUED);
            // a run cut off while training, as after a crash
            jdbc.update("update training_run set status = 'RUNNING' where id = ?",
                    first.getBean(TrainingService.class).launch(ADMIN, new TrainingRequest(pipeline,
                            ModelCatalog.LSTM, TINY, Backend.AUTO, false)));
        }

        try (ConfigurableApplicationContext second = start("200ms", true)) {
            TrainingService training = second.getBean(TrainingService.class);
            assertThat(training.list(ADMIN, new RunFilter(RunStatus.INTERRUPTED, null, null)))
                    .extracting(TrainingRunSummary::id).containsExactly(runId + 1);

            TrainingRunDetail run = TrainingFixtures.awaitFinished(training, ADMIN, runId);

            assertThat(run.summary().status()).as("log: %s", run.log()).isEqualTo(RunStatus.SUCCEEDED);
        }
    }

    private ConfigurableApplicationContext start(String pollingInterval, boolean immediate) {
        return new SpringApplicationBuilder(TrendcastApplication.class).web(WebApplicationType.NONE).run(
                "--spring.datasource.url=" + url,
                "--db-scheduler.polling-interval=" + pollingInterval,
                "--db-scheduler.immediate-execution-enabled=" + immediate,
                "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration,com.vaadin.flow.spring.VaadinScopesConfig");
    }
}
