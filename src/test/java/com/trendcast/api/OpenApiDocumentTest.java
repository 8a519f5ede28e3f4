package com.trendcast.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.trendcast.security.Role;
import com.trendcast.testsupport.ApiSpringTest;
import com.trendcast.testsupport.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The published OpenAPI description lists exactly the endpoints the controllers serve, and only to users. */
class OpenApiDocumentTest extends ApiSpringTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void theDocumentDescribesExactlyTheApiEndpointsOfTheControllers() throws Exception {
        String manager = TestUsers.create(users, Role.MANAGER, "Kitchen");
        String token = tokenOf(manager, "docs");

        MvcResult result = mvc.perform(get("/v3/api-docs").with(bearer(token)))
                .andExpect(status().isOk()).andReturn();

        JsonNode document = body(result);
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method ->
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith(ApiPaths.V1 + "/")) {
                    for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                        served.add(method.name() + " " + pattern);
                    }
                }
            }
        }
        assertThat(served).contains("GET /api/v1/sales", "GET /api/v1/datasets", "POST /api/v1/datasets",
                "GET /api/v1/pipelines", "POST /api/v1/runs", "GET /api/v1/runs", "GET /api/v1/runs/{id}",
                "GET /api/v1/pipelines/{id}/forecast", "POST /api/v1/forecast/adhoc");
        assertThat(documented).isEqualTo(served);
        assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
                .isEqualTo("bearer");
        assertThat(document.path("paths").path("/api/v1/sales").path("get").path("parameters").findValuesAsText("name"))
                .containsExactlyInAnyOrder("level", "from", "to", "category", "limit", "format");
    }

    @Test
    void aSignedInBrowserSessionMayReadTheDocumentButNoOneAnonymous() throws Exception {
        MvcResult anonymous = mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized()).andReturn();
        assertThat(anonymous.getResponse().getContentAsString()).contains("\"code\":\"api.auth.required\"");

        String manager = TestUsers.create(users, Role.MANAGER, "Kitchen");
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(manager)
                .password(TestUsers.PASSWORD)).andReturn().getRequest().getSession(false);
        mvc.perform(get("/v3/api-docs").session(session)).andExpect(status().isOk());
    }
}
