package com.trendcast.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trendcast.security.ApiTokenService;
import com.trendcast.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Calls the REST API as a script does, through MockMvc inside the real Spring context: users, their bearer tokens,
 * and the JSON answers. The annotations are those every MockMvc test uses, so all share one cached context.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class ApiSpringTest {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected UserService users;
    @Autowired
    protected ApiTokenService tokens;
    @Autowired
    protected ObjectMapper json;

    /** A new token of {@code username}'s, made by themselves; its secret. */
    protected String tokenOf(String username, String label) {
        return tokens.create(username, username, label).secret();
    }

    /** Sends the token as the API expects it: {@code Authorization: Bearer <secret>}. */
    protected static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }

    /** GETs {@code url} with the token, expects 200 and returns the JSON answer. */
    protected JsonNode ok(String url, String token) throws Exception {
        return body(mvc.perform(get(url).with(bearer(token))).andExpect(status().isOk()).andReturn());
    }

    protected JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The JSON error answer; fails unless the answer is JSON (never an HTML error page or a redirect). */
    protected JsonNode error(MvcResult result) throws Exception {
        assertThat(result.getResponse().getContentType()).startsWith("application/json");
        return body(result);
    }
}
