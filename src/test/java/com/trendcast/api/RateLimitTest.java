package com.trendcast.api;

import com.trendcast.security.Role;
import com.trendcast.testsupport.ApiSpringTest;
import com.trendcast.testsupport.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The configured limits as a client meets them: 429 with Retry-After, per token and per user name. */
class RateLimitTest extends ApiSpringTest {

    /** The defaults in application.properties: 120 API requests per token per minute, 10 sign-ins per user name per 5 minutes. */
    private static final int API_CAPACITY = 120;
    private static final int LOGIN_CAPACITY = 10;

    @Test
    void aTokenMayMakeItsBurstOfRequestsThenGets429WithRetryAfterWhileAnotherTokenStillWorks() throws Exception {
        String manager = TestUsers.create(users, Role.MANAGER, "Kitchen");
        String busy = tokenOf(manager, "busy");
        String quiet = tokenOf(manager, "quiet");
        long started = System.nanoTime();
        int allowed = 0;
        MockHttpServletResponse refused = null;
        while (refused == null && allowed < 10 * API_CAPACITY) {
            MockHttpServletResponse response = call(busy);
            if (response.getStatus() == 429) {
                refused = response;
            } else {
                assertThat(response.getStatus()).isEqualTo(200);
                allowed++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        // The full bucket, plus one request earned back every 0.5 s while the calls ran.
        assertThat(refused).as("no 429 after %d requests", allowed).isNotNull();
        assertThat(allowed).isBetween(API_CAPACITY, API_CAPACITY + (int) Math.ceil(seconds * 2) + 1);
        assertThat(refused.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(refused.getContentAsString()).contains("\"code\":\"api.rateLimited\"");
        assertThat(call(quiet).getStatus()).isEqualTo(200);
    }

    @Test
    void signInAttemptsForOneUserNameAreLimitedBeforeAnyPasswordCheck() throws Exception {
        String username = "target-" + UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        for (int i = 0; i < LOGIN_CAPACITY; i++) {
            MockHttpServletResponse attempt = mvc.perform(formLogin("/login").user(username).password("guess-" + i))
                    .andReturn().getResponse();
            assertThat(attempt.getStatus()).isEqualTo(302);
        }

        MockHttpServletResponse refused = mvc.perform(formLogin("/login").user(username).password("guess-x"))
                .andReturn().getResponse();

        int seconds = (int) Math.ceil((System.nanoTime() - started) / 1e9);

        assertThat(refused.getStatus()).isEqualTo(429);
        // 10 attempts per 5 minutes: one earned back every 30 s, less the time the attempts took.
        assertThat(Integer.parseInt(refused.getHeader(HttpHeaders.RETRY_AFTER))).isBetween(30 - seconds, 30);
    }

    private MockHttpServletResponse call(String token) throws Exception {
        return mvc.perform(get("/api/v1/datasets").with(bearer(token)))
                .andReturn().getResponse();
    }
}
