package com.trendcast.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.trendcast.audit.AuditService;
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
import com.trendcast.security.Role;
import com.trendcast.testsupport.SalesFixtures;
import com.trendcast.testsupport.ApiSpringTest;
import com.trendcast.testsupport.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every REST endpoint and every way in: the bearer token is the only key, the caller's categories bound every
 * answer, and errors come back as JSON with a stable code.
 */
class ApiEndpointsTest extends ApiSpringTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 4);

    @Autowired
    private AuditService audit;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PipelineService pipelines;

    private String kitchen;
    private String garden;
    private String manager;
    private String managerToken;
    private long datasetId;

    /** A manager of "Kitchen": two kitchen products (one in each sub-category) and one garden product they may not see. */
    @BeforeEach
    void data() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        kitchen = "Kitchen-" + suffix;
        garden = "Garden-" + suffix;
        SalesFixtures sales = SalesFixtures.newDataset(jdbc, "api sales " + suffix);
        datasetId = sales.datasetId();
        long pan = sales.product("PAN-" + suffix, "Pan", kitchen, "Pots");
        long knife = sales.product("KNIFE-" + suffix, "Knife", kitchen, "Cutlery");
        long hose = sales.product("HOSE-" + suffix, "Hose", garden, "Watering");
        sales.sale(pan, DAY, 2, 30.0);
        sales.sale(pan, DAY.plusDays(1), 1, 15.0);
        sales.sale(knife, DAY, 4, 20.0);
        sales.sale(hose, DAY, 1, 99.0);
        manager = TestUsers.create(users, Role.MANAGER, kitchen);
        managerToken = tokenOf(manager, "tests");
    }

    @Test
    void withoutATokenTheApiAnswers401AsJsonAndNeverRedirectsToTheLoginPage() throws Exception {
        JsonNode error = error(mvc.perform(get("/api/v1/datasets"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer")).andReturn());

        assertThat(error.path("code").asText()).isEqualTo("api.auth.required");
        assertThat(error.path("message").asText()).contains("Authorization: Bearer");
    }

    @Test
    void aStringThatIsNoIssuedTokenIs401() throws Exception {
        JsonNode error = error(mvc.perform(get("/api/v1/datasets").with(bearer("tc_" + "A".repeat(43))))
                .andExpect(status().isUnauthorized()).andReturn());

        assertThat(error.path("code").asText()).isEqualTo("api.auth.invalidToken");
    }

    @Test
    void aRevokedTokenIs401AndItsUseIsAudited() throws Exception {
        var created = tokens.create(manager, manager, "to revoke");
        mvc.perform(get("/api/v1/datasets").with(bearer(created.secret())))
                .andExpect(status().isOk());

        tokens.revoke(manager, created.token().id());

        JsonNode error = error(mvc.perform(get("/api/v1/datasets").with(bearer(created.secret())))
                .andExpect(status().isUnauthorized()).andReturn());
        assertThat(error.path("code").asText()).isEqualTo("api.auth.invalidToken");
        assertThat(audit.byUserAndAction(manager, "api.token.rejected")).hasSize(1);
    }

    @Test
    void aDisabledUsersTokensStopWorkingAndWorkAgainWhenEnabled() throws Exception {
        users.setEnabled("test", manager, false);
        mvc.perform(get("/api/v1/datasets").with(bearer(managerToken)))
                .andExpect(status().isUnauthorized());

        users.setEnabled("test", manager, true);
        mvc.perform(get("/api/v1/datasets").with(bearer(managerToken)))
                .andExpect(status().isOk());
    }

    @Test
    void salesByCategoryShowOnlyTheManagersCategories() throws Exception {
        JsonNode body = ok("/api/v1/sales?level=category&from=2024-03-01&to=2024-03-31");

        assertThat(body.path("level").asText()).isEqualTo("CATEGORY");
        assertThat(body.path("rows")).hasSize(1);
        JsonNode row = body.path("rows").get(0);
        assertThat(row.path("key").asText()).isEqualTo(kitchen);
        assertThat(row.path("revenue").asDouble()).isEqualTo(65.0);
        assertThat(row.path("units").asDouble()).isEqualTo(7.0);
    }

    @Test
    void subcategoriesAndProductsOfOneCategory() throws Exception {
        JsonNode subcategories = ok("/api/v1/sales?level=subcategory&category=" + kitchen + "&from=2024-03-01&to=2024-03-31");
        assertThat(subcategories.path("rows")).hasSize(2);
        assertThat(subcategories.path("rows").get(0).path("key").asText()).isEqualTo("Pots");
        assertThat(subcategories.path("rows").get(0).path("revenue").asDouble()).isEqualTo(45.0);
        assertThat(subcategories.path("rows").get(1).path("key").asText()).isEqualTo("Cutlery");

        JsonNode products = ok("/api/v1/sales?level=product&category=" + kitchen + "&from=2024-03-01&to=2024-03-31");
        assertThat(products.path("rows")).hasSize(2);
        assertThat(products.path("rows").get(0).path("label").asText()).isEqualTo("Pan");
        assertThat(products.path("rows").get(0).path("units").asDouble()).isEqualTo(3.0);
    }

    @Test
    void aManagerAskingForAnotherCategoryGetsA403WithNoDataAndTheAttemptIsAudited() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/sales?level=product&category=" + garden)
                        .with(bearer(managerToken)))
                .andExpect(status().isForbidden()).andReturn();

        JsonNode error = error(result);
        assertThat(error.path("code").asText()).isEqualTo("sales.category.denied");
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Hose").doesNotContain("rows");
        assertThat(audit.byUserAndAction(manager, "access.denied")).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains(garden));
    }

    @Test
    void csvFormatIsTheSharedExportWithItsByteOrderMark() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/sales?level=product&category=" + kitchen
                        + "&from=2024-03-01&to=2024-03-31&format=csv")
                        .with(bearer(managerToken)))
                .andExpect(status().isOk()).andReturn();

        assertThat(result.getResponse().getContentType()).startsWith("text/csv");
        String csv = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFsku,label,revenue,units");
        assertThat(csv.lines().skip(1).toList()).hasSize(2);
        assertThat(csv).contains("Pan,45").contains("Knife,20");
    }

    @Test
    void messagesFollowTheRequestLanguageWhileTheCodeStaysTheSame() throws Exception {
        JsonNode chinese = error(mvc.perform(get("/api/v1/sales?level=galaxy").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                        .with(bearer(managerToken)))
                .andExpect(status().isBadRequest()).andReturn());

        assertThat(chinese.path("code").asText()).isEqualTo("api.sales.level.invalid");
        assertThat(chinese.path("message").asText()).startsWith("未知层级");
    }

    @Test
    void badParametersAre400WithTheParameterNamed() throws Exception {
        JsonNode badDate = error(mvc.perform(get("/api/v1/sales?from=yesterday")
                        .with(bearer(managerToken)))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(badDate.path("code").asText()).isEqualTo("api.parameter.invalid");
        assertThat(badDate.path("message").asText()).contains("\"from\"");

        JsonNode noCategory = error(mvc.perform(get("/api/v1/sales?level=subcategory")
                        .with(bearer(managerToken)))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(noCategory.path("code").asText()).isEqualTo("sales.level.needsCategory");
    }

    @Test
    void datasetsListOnlyWhatTheManagerMaySeeAndAnotherDatasetIs404() throws Exception {
        SalesFixtures others = SalesFixtures.newDataset(jdbc, "not yours " + UUID.randomUUID());
        others.sale(others.product("X-" + UUID.randomUUID(), "Other", garden, "Any"), DAY, 1, 1);

        JsonNode list = ok("/api/v1/datasets");
        assertThat(list.findValuesAsText("name")).noneMatch(name -> name.startsWith("not yours"));
        assertThat(list.findValuesAsText("name")).anyMatch(name -> name.startsWith("api sales "));

        JsonNode error = error(mvc.perform(get("/api/v1/datasets/" + others.datasetId())
                        .with(bearer(managerToken)))
                .andExpect(status().isNotFound()).andReturn());
        assertThat(error.path("code").asText()).isEqualTo("data.notFound");
    }

    @Test
    void uploadImportsTheFileThroughTheImportServiceAndAuditsTheCall() throws Exception {
        String name = "api upload " + UUID.randomUUID();
        MockMultipartFile file = new MockMultipartFile("file", "../../etc/sales.csv", "text/csv", """
                Date,SKU,Product,Category,Quantity,Price
                2024-01-01,S1,Item 1,%s,3,2.00
                2024-01-02,S2,Item 2,%s,1,5.50
                """.formatted(kitchen, kitchen).getBytes(StandardCharsets.UTF_8));

        MvcResult result = mvc.perform(multipart("/api/v1/datasets").file(file).param("name", name)
                        .with(bearer(managerToken)))
                .andExpect(status().isCreated()).andReturn();

        JsonNode created = body(result);
        long id = created.path("datasetId").asLong();
        assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/datasets/" + id);
        assertThat(created.path("rowsImported").asLong()).isEqualTo(2);
        assertThat(created.path("totals").path("units").decimalValue()).isEqualByComparingTo("4");
        assertThat(created.path("totals").path("revenue").decimalValue()).isEqualByComparingTo("11.5");
        assertThat(jdbc.queryForObject("select source_file from dataset where id = ?", String.class, id))
                .isEqualTo("sales.csv");
        JsonNode stored = ok("/api/v1/datasets/" + id);
        assertThat(stored.path("name").asText()).isEqualTo(name);
        assertThat(stored.path("owner").asText()).isEqualTo(manager);
        assertThat(audit.byUserAndAction(manager, "api.call")).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).startsWith("POST /api/v1/datasets"));
        assertThat(audit.byUserAndAction(manager, "dataset.import")).hasSize(1);
    }

    @Test
    void aBadFileIsRefusedWithItsRowProblemsAndNothingIsStored() throws Exception {
        String name = "api refused " + UUID.randomUUID();
        MockMultipartFile file = new MockMultipartFile("file", "bad.csv", "text/csv", """
                Date,SKU,Product,Category,Quantity,Price
                2024-01-01,S1,Item 1,%s,3,2.00
                2024-01-02,S2,Item 2,%s,lots,5.50
                """.formatted(kitchen, kitchen).getBytes(StandardCharsets.UTF_8));
        int datasetsBefore = jdbc.queryForObject("select count(*) from dataset", Integer.class);

        JsonNode error = error(mvc.perform(multipart("/api/v1/datasets").file(file).param("name", name)
                        .with(bearer(managerToken)))
                .andExpect(status().isBadRequest()).andReturn());

        assertThat(error.path("code").asText()).startsWith("import.refused.");
        assertThat(error.path("details").path("rowsRejected").asLong()).isEqualTo(1);
        JsonNode problem = error.path("details").path("firstProblems").get(0);
        assertThat(problem.path("row").asLong()).isEqualTo(3);
        assertThat(problem.path("value").asText()).isEqualTo("lots");
        assertThat(problem.path("reason").asText()).isNotBlank();
        assertThat(jdbc.queryForObject("select count(*) from dataset where name = ?", Integer.class, name)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from dataset", Integer.class)).isEqualTo(datasetsBefore);
    }

    @Test
    void aFileThatIsNoTableIsAClear400() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "photo.csv", "text/csv",
                new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});

        JsonNode error = error(mvc.perform(multipart("/api/v1/datasets").file(file)
                        .with(bearer(managerToken)))
                .andExpect(status().isBadRequest()).andReturn());

        assertThat(error.path("code").asText()).isEqualTo("import.file.unreadable");
    }

    @Test
    void anUploadWithoutAFilePartIsA400() throws Exception {
        JsonNode error = error(mvc.perform(multipart("/api/v1/datasets").param("name", "nothing")
                        .with(bearer(managerToken)))
                .andExpect(status().isBadRequest()).andReturn());

        assertThat(error.path("code").asText()).isEqualTo("api.parameter.invalid");
    }

    @Test
    void pipelinesOfTheManagersCategoriesAreListedWithTheirSpecAndOthersAreNot() throws Exception {
        AccessScope kitchenScope = users.scopeOf(manager);
        AccessScope gardener = new AccessScope("gardener-" + UUID.randomUUID(), false, Set.of(garden));
        PipelineSummary mine = pipelines.create(kitchenScope, "kitchen weekly " + UUID.randomUUID(), spec(kitchen));
        PipelineSummary theirs = pipelines.create(gardener, "garden weekly " + UUID.randomUUID(), spec(garden));

        JsonNode list = ok("/api/v1/pipelines");

        assertThat(list.findValuesAsText("name")).contains(mine.name()).doesNotContain(theirs.name());
        JsonNode listed = ok("/api/v1/pipelines/" + mine.id());
        assertThat(listed.path("owner").asText()).isEqualTo(manager);
        assertThat(listed.path("spec").path("horizon").asInt()).isEqualTo(4);
        assertThat(listed.path("spec").path("filter").path("categoryPath").get(0).asText()).isEqualTo(kitchen);
        mvc.perform(get("/api/v1/pipelines/" + theirs.id()).with(bearer(managerToken)))
                .andExpect(status().isNotFound());
    }

    private PipelineSpec spec(String category) {
        return new PipelineSpec(PipelineSpec.CURRENT_SCHEMA_VERSION, datasetId, Target.UNITS, Level.CATEGORY1,
                new SeriesFilter(List.of(category), null, null), Frequency.WEEK, Aggregation.SUM, 4, 10,
                new FeatureSelection(List.of(1), List.of(), List.of(), Set.of(), Set.of(), List.of()),
                new Treatment(GapFilling.Method.ZERO, OutlierClipping.none(), Scaling.NONE));
    }

    @Test
    void theTokenCarriesTheOwnersCategoriesAtRequestTime() throws Exception {
        users.update("test", manager, Role.MANAGER, List.of(garden));

        JsonNode body = ok("/api/v1/sales?level=category&from=2024-03-01&to=2024-03-31");

        assertThat(body.path("rows")).singleElement()
                .satisfies(row -> assertThat(row.path("key").asText()).isEqualTo(garden));
    }

    @Test
    void theBrowserApplicationStillRedirectsToItsLoginPage() throws Exception {
        mvc.perform(get("/sales")).andExpect(status().is3xxRedirection());
    }

    private JsonNode ok(String url) throws Exception {
        return ok(url, managerToken);
    }
}
