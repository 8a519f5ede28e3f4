package com.trendcast.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trendcast.audit.AuditService;
import com.trendcast.forecast.ExplorerFixtures;
import com.trendcast.pipeline.PipelineService;
import com.trendcast.security.ApiTokenService;
import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.testsupport.TestUsers;
import com.trendcast.training.TrainingService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The production forecast of a pipeline over every category, read over the API by managers of one category: the
 * same service path as the forecast explorer, so each gets the series of their own category and nothing else.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopedProductionForecastApiTest {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private UserService users;
    @Autowired
    private ApiTokenService tokens;
    @Autowired
    private AuditService audit;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private PipelineService pipelines;
    @Autowired
    private TrainingService training;

    private long allCategories;

    @BeforeAll
    void trainAndPromote() {
        allCategories = ExplorerFixtures.promotedPipeline(pipelines, training, ExplorerFixtures.salesDataset(jdbc),
                List.of());
    }

    @Test
    void aManagerReadsOnlyTheSeriesOfTheirCategory() throws Exception {
        String kitchenToken = token(TestUsers.create(users, Role.MANAGER, "Kitchen"));

        MvcResult result = mvc.perform(get("/api/v1/pipelines/" + allCategories + "/forecast")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + kitchenToken)).andExpect(status().isOk()).andReturn();

        JsonNode rows = json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).path("rows");
        List<String> series = new ArrayList<>();
        rows.forEach(row -> series.add(row.path("seriesKey").get(0).asText() + "/" + row.path("seriesKey").get(1)
                .asText()));
        assertThat(series).hasSize(2 * ExplorerFixtures.HORIZON).containsOnly("Kitchen/Cookware", "Kitchen/Tableware");
    }

    @Test
    void aManagerAskingForAnotherCategorysSeriesGetsA403WithNothingOfItAndTheAttemptIsAudited() throws Exception {
        String gardener = TestUsers.create(users, Role.MANAGER, "Garden");

        MvcResult result = mvc.perform(get("/api/v1/pipelines/" + allCategories + "/forecast?series=Kitchen"
                        + "&series=Cookware&format=csv").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(gardener)))
                .andExpect(status().isForbidden()).andReturn();

        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(body).path("code").asText()).isEqualTo("training.series.denied");
        assertThat(body).doesNotContain("Cookware").doesNotContain("rows");
        assertThat(audit.byUserAndAction(gardener, "access.denied")).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains("Kitchen")
                        .contains("pipeline " + allCategories));
    }

    private String token(String username) {
        return tokens.create(username, username, "tests").secret();
    }
}
