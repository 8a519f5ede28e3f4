package com.trendcast.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.trendcast.audit.AuditService;
import com.trendcast.security.Role;
import com.trendcast.testsupport.ApiSpringTest;
import com.trendcast.testsupport.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The ad-hoc forecast over the API: a file in, the forecasts as CSV out, nothing kept, bad input a JSON 400. */
class AdhocForecastApiTest extends ApiSpringTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 60;

    @Autowired
    private AuditService audit;
    @Autowired
    private JdbcTemplate jdbc;
    @Value("${trendcast.uploads-dir}")
    private Path uploadsDir;

    private String manager;
    private String token;

    @BeforeEach
    void caller() {
        manager = TestUsers.create(users, Role.MANAGER, "Kitchen");
        token = tokenOf(manager, "tests");
    }

    /**
     * Two stores of 60 days; store "=A1" (a formula if a spreadsheet took it literally) ends on 12, store "B" on
     * 30, so the naive forecast of every following day is 12 and 30.
     */
    private static MockMultipartFile twoStores(String fileName) {
        StringBuilder csv = new StringBuilder("day,store,sold\n");
        for (int day = 0; day < DAYS; day++) {
            csv.append(FIRST_DAY.plusDays(day)).append(",=A1,").append(day == DAYS - 1 ? 12 : 10 + day % 3)
                    .append('\n');
            csv.append(FIRST_DAY.plusDays(day)).append(",B,").append(day == DAYS - 1 ? 30 : 20 + day % 5)
                    .append('\n');
        }
        return new MockMultipartFile("file", fileName, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFileIsForecastAsCsvWithNeutralisedKeysAndNothingIsKept() throws Exception {
        Set<Path> filesBefore = adhocFiles();
        int datasetsBefore = datasets();

        MvcResult result = mvc.perform(call(twoStores("../shop/sales.csv"))
                        .param("date", "day").param("target", "sold").param("series", "store")
                        .param("frequency", "day").param("horizon", "3").param("model", "naive"))
                .andExpect(status().isOk()).andReturn();

        assertThat(result.getResponse().getContentType()).startsWith("text/csv");
        assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"sales-forecast.csv\"");
        List<String> lines = result.getResponse().getContentAsString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFstore,date,forecast,lower,upper");
        assertThat(lines).hasSize(1 + 2 * 3);
        LocalDate next = FIRST_DAY.plusDays(DAYS);
        assertThat(lines.subList(1, 4)).extracting(line -> line.split(",")[0]).containsOnly("'=A1");
        assertThat(lines.subList(1, 4)).extracting(line -> line.split(",")[1])
                .containsExactly(next.toString(), next.plusDays(1).toString(), next.plusDays(2).toString());
        assertThat(lines.subList(1, 4)).extracting(line -> Double.parseDouble(line.split(",")[2])).containsOnly(12.0);
        assertThat(lines.subList(4, 7)).extracting(line -> line.split(",")[0]).containsOnly("B");
        assertThat(lines.subList(4, 7)).extracting(line -> Double.parseDouble(line.split(",")[2])).containsOnly(30.0);
        assertThat(adhocFiles()).isSubsetOf(filesBefore);
        assertThat(datasets()).isEqualTo(datasetsBefore);
        assertThat(audit.byUserAndAction(manager, "adhoc.forecast")).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains("file=sales.csv").contains("series=2")
                        .contains("model=naive"));
    }

    @Test
    void withoutAModelAutoChoosesOneAndTheHorizonDefaultsToTheFrequencys() throws Exception {
        MvcResult result = mvc.perform(call(twoStores("stores.csv")).param("date", "day").param("target", "sold")
                        .param("series", "store"))
                .andExpect(status().isOk()).andReturn();

        // Daily data: four weeks ahead for each store.
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8).lines()).hasSize(1 + 2 * 28);
        assertThat(audit.byUserAndAction(manager, "adhoc.forecast")).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).doesNotContain("model=auto"));
    }

    @Test
    void aFileThatIsNoTableIs400WithTheReasonAndLeavesNothingBehind() throws Exception {
        Set<Path> filesBefore = adhocFiles();
        MockMultipartFile png = new MockMultipartFile("file", "photo.csv", "text/csv",
                new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});

        JsonNode error = error(mvc.perform(call(png).param("date", "day").param("target", "sold"))
                .andExpect(status().isBadRequest()).andReturn());

        assertThat(error.path("code").asText()).isEqualTo("adhoc.file.unreadable");
        assertThat(error.path("message").asText()).contains("photo.csv");
        assertThat(adhocFiles()).isSubsetOf(filesBefore);
        assertThat(audit.byUserAndAction(manager, "adhoc.forecast")).isEmpty();
    }

    @Test
    void aMappingThatDoesNotFitTheFileIs400NamingTheProblemAndLeavesNothingBehind() throws Exception {
        Set<Path> filesBefore = adhocFiles();

        JsonNode unknown = error(mvc.perform(call(twoStores("stores.csv")).param("date", "day")
                        .param("target", "revenue"))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(unknown.path("code").asText()).isEqualTo("adhoc.column.unknown");
        assertThat(unknown.path("message").asText()).contains("revenue").contains("day, store, sold");

        JsonNode tooShort = error(mvc.perform(call(twoStores("stores.csv")).param("date", "day")
                        .param("target", "sold").param("series", "store").param("horizon", "40"))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(tooShort.path("code").asText()).isEqualTo("adhoc.history.tooShort");

        JsonNode badFrequency = error(mvc.perform(call(twoStores("stores.csv")).param("date", "day")
                        .param("target", "sold").param("frequency", "fortnight"))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(badFrequency.path("code").asText()).isEqualTo("api.parameter.invalid");

        JsonNode noTarget = error(mvc.perform(call(twoStores("stores.csv")).param("date", "day"))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(noTarget.path("code").asText()).isEqualTo("api.parameter.invalid");
        assertThat(noTarget.path("message").asText()).contains("\"target\"");

        assertThat(adhocFiles()).isSubsetOf(filesBefore);
    }

    @Test
    void withoutATokenTheFileIsNotEvenRead() throws Exception {
        Set<Path> filesBefore = adhocFiles();

        JsonNode error = error(mvc.perform(multipart("/api/v1/forecast/adhoc").file(twoStores("stores.csv"))
                        .param("date", "day").param("target", "sold"))
                .andExpect(status().isUnauthorized()).andReturn());

        assertThat(error.path("code").asText()).isEqualTo("api.auth.required");
        assertThat(adhocFiles()).isSubsetOf(filesBefore);
    }

    private MockHttpServletRequestBuilder call(MockMultipartFile file) {
        return multipart("/api/v1/forecast/adhoc").file(file).with(bearer(token));
    }

    private Set<Path> adhocFiles() throws IOException {
        Path directory = uploadsDir.resolve("adhoc");
        if (!Files.isDirectory(directory)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.collect(Collectors.toSet());
        }
    }

    private int datasets() {
        return jdbc.queryForObject("select count(*) from dataset", Integer.class);
    }
}
