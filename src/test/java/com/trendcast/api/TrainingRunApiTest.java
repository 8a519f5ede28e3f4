package com.trendcast.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.trendcast.audit.AuditService;
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
import com.trendcast.security.Role;
import com.trendcast.testsupport.SalesFixtures;
import com.trendcast.testsupport.ApiSpringTest;
import com.trendcast.testsupport.TestUsers;
import com.trendcast.training.TrainingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.trendcast.training.TrainingFixtures.cancelUnfinished;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Training runs and production forecasts over the API: launched, polled and read by the manager who owns them,
 * invisible to another manager (even of the same category), and a forecast never leaves the caller's categories.
 */
class TrainingRunApiTest extends ApiSpringTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 98;
    private static final int HORIZON = 7;
    private static final AccessScope ADMIN = new AccessScope("api-training-admin", true, Set.of());
    /** One layer of four units for two epochs: the run takes seconds. */
    private static final String TINY = """
            {"layers": 1, "units": 4, "maxEpochs": 2, "patience": 2, "batchSize": 64, "historyWindow": 14,
             "learningRate": 0.01, "seed": 7}""";
    /** A leading "=" would make a spreadsheet run it as a formula if the CSV were not neutralised. */
    private static final String FORMULA_SUBCATEGORY = "=Cutlery";

    @Autowired
    private AuditService audit;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PipelineService pipelines;
    @Autowired
    private TrainingService training;

    private String kitchen;
    private String manager;
    private String managerToken;
    private String colleagueToken;
    private String gardenerToken;
    private long kitchenPipeline;
    private long gardenPipeline;
    private final List<Long> launched = new ArrayList<>();

    /**
     * Daily sales of 98 days with a weekly pattern: two kitchen sub-categories and one garden product. Two managers
     * of the kitchen, one of the garden.
     */
    @BeforeEach
    void data() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        kitchen = "Kitchen-" + suffix;
        String garden = "Garden-" + suffix;
        SalesFixtures sales = SalesFixtures.newDataset(jdbc, "api training " + suffix);
        long pan = sales.product("PAN-" + suffix, "Pan", kitchen, "Pots");
        long knife = sales.product("KNIFE-" + suffix, "Knife", kitchen, FORMULA_SUBCATEGORY);
        long hose = sales.product("HOSE-" + suffix, "Hose", garden, "Watering");
        for (int day = 0; day < DAYS; day++) {
            double weekly = 1 + day % 7;
            sales.sale(pan, FIRST_DAY.plusDays(day), 10 + weekly, 100);
            sales.sale(knife, FIRST_DAY.plusDays(day), 5 + weekly, 50);
            sales.sale(hose, FIRST_DAY.plusDays(day), 20 + 2 * weekly, 200);
        }
        manager = TestUsers.create(users, Role.MANAGER, kitchen);
        managerToken = tokenOf(manager, "tests");
        String colleague = TestUsers.create(users, Role.MANAGER, kitchen);
        colleagueToken = tokenOf(colleague, "tests");
        String gardener = TestUsers.create(users, Role.MANAGER, garden);
        gardenerToken = tokenOf(gardener, "tests");
        kitchenPipeline = pipelines.create(users.scopeOf(manager), "api kitchen " + suffix,
                spec(sales.datasetId(), kitchen)).id();
        gardenPipeline = pipelines.create(users.scopeOf(gardener), "api garden " + suffix,
                spec(sales.datasetId(), garden)).id();
    }

    @AfterEach
    void cancelLeftovers() {
        cancelUnfinished(training, ADMIN, launched);
    }

    private static PipelineSpec spec(long datasetId, String category) {
        return new PipelineSpec(PipelineSpec.CURRENT_SCHEMA_VERSION, datasetId, Target.UNITS, Level.CATEGORY2,
                new SeriesFilter(List.of(category), null, null), Frequency.DAY, Aggregation.SUM, HORIZON, DAYS,
                new FeatureSelection(List.of(1), List.of(), List.of(), Set.of(), Set.of(), List.of()),
                new Treatment(GapFilling.Method.ZERO, OutlierClipping.none(), Scaling.NONE));
    }

    @Test
    void aLaunchedRunIsPolledToItsMetricsAndModelFileAndItsForecastIsServedAsJsonAndCsv() throws Exception {
        MvcResult accepted = mvc.perform(post("/api/v1/runs").with(bearer(managerToken))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"pipelineId": %d, "model": "lstm", "hyperParameters": %s, "backend": "cpu",
                                 "promoteOnSuccess": true}""".formatted(kitchenPipeline, TINY)))
                .andExpect(status().isAccepted()).andReturn();

        JsonNode queued = body(accepted);
        long runId = queued.path("run").path("id").asLong();
        launched.add(runId);
        String location = accepted.getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(location).isEqualTo("/api/v1/runs/" + runId);
        assertThat(queued.path("run").path("status").asText()).isIn("QUEUED", "RUNNING");
        assertThat(queued.path("requestedBackend").asText()).isEqualTo("CPU");
        assertThat(queued.path("hyperParameters").path("units").asInt()).isEqualTo(4);
        assertThat(queued.path("hyperParameters").path("maxEpochs").asInt()).isEqualTo(2);
        assertThat(audit.byUserAndAction(manager, "training.launch")).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).startsWith("Run " + runId + ": lstm on pipeline "
                        + kitchenPipeline));
        assertThat(audit.byUserAndAction(manager, "api.call")).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).startsWith("POST /api/v1/runs"));

        JsonNode run = awaitFinished(location);

        assertThat(run.path("run").path("status").asText()).as("run %s", run).isEqualTo("SUCCEEDED");
        assertThat(run.path("failure").isNull()).isTrue();
        assertThat(run.path("device").asText()).startsWith("CPU");
        assertThat(run.path("progress").path("maxEpochs").asInt()).isEqualTo(2);
        assertThat(run.path("losses").findValues("epoch")).extracting(JsonNode::asInt).containsExactly(1, 2);
        assertThat(run.path("run").path("startedAt").asText()).isNotBlank();
        assertThat(run.path("run").path("finishedAt").asText()).isNotBlank();
        // Two series, three backtest folds of seven days, the same folds for the model and every baseline.
        JsonNode metrics = run.path("metrics");
        assertThat(metrics.path("model").path("count").asInt()).isEqualTo(2 * 3 * HORIZON);
        assertThat(metrics.path("model").path("wape").isNumber()).isTrue();
        assertThat(run.path("run").path("wape").asDouble()).isEqualTo(metrics.path("model").path("wape").asDouble());
        assertThat(iterable(metrics.path("baselines").fieldNames()))
                .containsExactlyInAnyOrder("naive", "seasonal-naive", "moving-average", "ets", "linear");
        assertThat(metrics.path("baselines").path("naive").path("count").asInt()).isEqualTo(2 * 3 * HORIZON);
        Path modelFile = Path.of(training.get(ADMIN, runId).modelFile().path());
        assertThat(run.path("modelFile").path("sizeBytes").asLong()).isEqualTo(Files.size(modelFile));
        assertThat(run.path("modelFile").path("sha256").asText()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(modelFile))));
        assertThat(run.path("modelFile").has("path")).as("the server's paths stay on the server").isFalse();

        JsonNode forecast = ok("/api/v1/pipelines/" + kitchenPipeline + "/forecast", managerToken);
        assertThat(forecast.path("runId").asLong()).isEqualTo(runId);
        assertThat(forecast.path("seriesColumns")).extracting(JsonNode::asText)
                .containsExactly("category1", "category2");
        JsonNode rows = forecast.path("rows");
        assertThat(rows).hasSize(2 * HORIZON);
        assertThat(rows.get(0).path("seriesKey")).extracting(JsonNode::asText)
                .containsExactly(kitchen, FORMULA_SUBCATEGORY);
        assertThat(rows.get(0).path("date").asText()).isEqualTo(FIRST_DAY.plusDays(DAYS).toString());
        assertThat(rows.get(HORIZON).path("seriesKey").get(1).asText()).isEqualTo("Pots");
        for (JsonNode row : rows) {
            assertThat(row.path("lower").asDouble()).isLessThanOrEqualTo(row.path("forecast").asDouble());
            assertThat(row.path("upper").asDouble()).isGreaterThanOrEqualTo(row.path("forecast").asDouble());
        }

        JsonNode pots = ok("/api/v1/pipelines/" + kitchenPipeline + "/forecast?series=" + kitchen + "&series=Pots",
                managerToken);
        assertThat(pots.path("rows")).hasSize(HORIZON)
                .allSatisfy(row -> assertThat(row.path("seriesKey").get(1).asText()).isEqualTo("Pots"));
        // another category's series are refused, as the sales endpoint refuses them, not answered with nothing
        assertThat(error(mvc.perform(get("/api/v1/pipelines/" + kitchenPipeline + "/forecast?series=Garden")
                        .with(bearer(managerToken)))
                .andExpect(status().isForbidden()).andReturn()).path("code").asText())
                .isEqualTo("training.series.denied");

        MvcResult csv = mvc.perform(get("/api/v1/pipelines/" + kitchenPipeline + "/forecast?format=csv")
                        .with(bearer(managerToken)))
                .andExpect(status().isOk()).andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        List<String> lines = csv.getResponse().getContentAsString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFcategory1,category2,date,forecast,lower,upper");
        assertThat(lines).hasSize(1 + 2 * HORIZON);
        assertThat(lines.get(1)).startsWith(kitchen + ",'" + FORMULA_SUBCATEGORY + "," + FIRST_DAY.plusDays(DAYS) + ",");
        assertThat(lines.get(1 + HORIZON)).startsWith(kitchen + ",Pots,");

        // Another manager of the same category: the run is not theirs, so it does not exist for them.
        JsonNode hidden = error(mvc.perform(get(location).with(bearer(colleagueToken)))
                .andExpect(status().isNotFound()).andReturn());
        assertThat(hidden.path("code").asText()).isEqualTo("training.notFound");
        assertThat(ok("/api/v1/runs", colleagueToken).findValuesAsText("id")).doesNotContain(String.valueOf(runId));
        assertThat(ok("/api/v1/runs?pipelineId=" + kitchenPipeline, managerToken).findValuesAsText("id"))
                .containsExactly(String.valueOf(runId));
        assertThat(ok("/api/v1/runs?status=succeeded", managerToken).findValuesAsText("id"))
                .containsExactly(String.valueOf(runId));
        assertThat(ok("/api/v1/runs?status=queued", managerToken)).isEmpty();

        // A manager of another category gets no rows of this pipeline, not even its existence.
        MvcResult denied = mvc.perform(get("/api/v1/pipelines/" + kitchenPipeline + "/forecast?format=csv")
                        .with(bearer(gardenerToken)))
                .andExpect(status().isNotFound()).andReturn();
        assertThat(error(denied).path("code").asText()).isEqualTo("pipeline.notFound");
        assertThat(denied.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Pots")
                .doesNotContain(kitchen);
    }

    @Test
    void aPipelineWithoutAProductionModelIs404WithItsOwnCode() throws Exception {
        JsonNode error = error(mvc.perform(get("/api/v1/pipelines/" + gardenPipeline + "/forecast")
                        .with(bearer(gardenerToken)))
                .andExpect(status().isNotFound()).andReturn());

        assertThat(error.path("code").asText()).isEqualTo("training.production.none");
        assertThat(error.path("message").asText()).contains(String.valueOf(gardenPipeline));
    }

    @Test
    void invalidLaunchesAre400WithTheServicesReasonAndQueueNothing() throws Exception {
        refused("{\"model\": \"lstm\"}", status().isBadRequest(), "api.parameter.invalid");
        refused("{\"pipelineId\": " + kitchenPipeline + "}", status().isBadRequest(), "api.parameter.invalid");
        refused("{\"pipelineId\": " + kitchenPipeline + ", \"model\": \"ets\"}", status().isBadRequest(),
                "training.model.unsupported");
        JsonNode layers = refused("{\"pipelineId\": " + kitchenPipeline
                        + ", \"model\": \"lstm\", \"hyperParameters\": {\"layers\": 4}}", status().isBadRequest(),
                "training.hyperParameters.invalid");
        assertThat(layers.path("message").asText()).containsIgnoringCase("layers");
        JsonNode gpu = refused("{\"pipelineId\": " + kitchenPipeline + ", \"model\": \"lstm\", \"backend\": \"gpu\"}",
                status().isBadRequest(), "training.backend.noGpu");
        assertThat(gpu.path("message").asText()).contains("No GPU");
        refused("{\"pipelineId\": " + kitchenPipeline + ", \"model\": \"lstm\", \"backend\": \"tpu\"}",
                status().isBadRequest(), "api.parameter.invalid");
        refused("{\"pipelineId\": " + kitchenPipeline + ", ", status().isBadRequest(), "api.body.invalid");
        refused("{\"pipelineId\": " + gardenPipeline + ", \"model\": \"lstm\"}", status().isNotFound(),
                "pipeline.notFound");

        assertThat(ok("/api/v1/runs", managerToken)).isEmpty();
        assertThat(audit.byUserAndAction(manager, "training.launch")).isEmpty();
        JsonNode badStatus = error(mvc.perform(get("/api/v1/runs?status=sleeping")
                        .with(bearer(managerToken)))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(badStatus.path("code").asText()).isEqualTo("api.parameter.invalid");
        assertThat(badStatus.path("message").asText()).contains("\"status\"");
    }

    @Test
    void aRunThatDoesNotExistIs404AndEveryEndpointNeedsAToken() throws Exception {
        JsonNode missing = error(mvc.perform(get("/api/v1/runs/" + Long.MAX_VALUE)
                        .with(bearer(managerToken)))
                .andExpect(status().isNotFound()).andReturn());
        assertThat(missing.path("code").asText()).isEqualTo("training.notFound");

        for (String url : List.of("/api/v1/runs", "/api/v1/runs/1", "/api/v1/pipelines/" + kitchenPipeline
                + "/forecast")) {
            assertThat(error(mvc.perform(get(url)).andExpect(status().isUnauthorized()).andReturn())
                    .path("code").asText()).isEqualTo("api.auth.required");
        }
        assertThat(error(mvc.perform(post("/api/v1/runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pipelineId\": " + kitchenPipeline + ", \"model\": \"lstm\"}"))
                .andExpect(status().isUnauthorized()).andReturn()).path("code").asText())
                .isEqualTo("api.auth.required");
        assertThat(training.list(ADMIN, null)).noneMatch(run -> run.pipelineId() == kitchenPipeline);
    }

    @Test
    void aWrongMethodOrContentTypeIsAJsonErrorNotARedirectToTheLoginPage() throws Exception {
        JsonNode method = error(mvc.perform(delete("/api/v1/runs").with(bearer(managerToken)))
                .andExpect(status().isMethodNotAllowed()).andReturn());
        assertThat(method.path("code").asText()).isEqualTo("api.method.notAllowed");

        JsonNode type = error(mvc.perform(post("/api/v1/runs").with(bearer(managerToken))
                        .contentType(MediaType.TEXT_PLAIN).content("pipelineId=" + kitchenPipeline))
                .andExpect(status().isUnsupportedMediaType()).andReturn());
        assertThat(type.path("code").asText()).isEqualTo("api.body.unsupportedType");
        assertThat(type.path("message").asText()).contains("text/plain");
    }

    private JsonNode refused(String body, ResultMatcher expectedStatus, String code) throws Exception {
        JsonNode error = error(mvc.perform(post("/api/v1/runs").with(bearer(managerToken))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(expectedStatus).andReturn());
        assertThat(error.path("code").asText()).as(body).isEqualTo(code);
        return error;
    }

    /** Polls the run as a script would, twice a second (within the token's rate limit), for at most two minutes. */
    private JsonNode awaitFinished(String location) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            JsonNode run = ok(location, managerToken);
            String status = run.path("run").path("status").asText();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                fail("Run at " + location + " still " + status + " after two minutes");
            }
            Thread.sleep(500);
        }
    }

    private static <T> List<T> iterable(Iterator<T> items) {
        List<T> list = new ArrayList<>();
        items.forEachRemaining(list::add);
        return list;
    }
}
