package com.trendcast.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LoginRateLimitFilterTest {

    private final RateLimiterTest.MutableClock clock = new RateLimiterTest.MutableClock();
    // 2 attempts per user name per minute, 3 per address per minute
    private final LoginRateLimitFilter filter = new LoginRateLimitFilter(
            new RateLimiter(new SecurityProperties.Limit(2, Duration.ofMinutes(1)), clock),
            new RateLimiter(new SecurityProperties.Limit(3, Duration.ofMinutes(1)), clock));

    @Test
    void oneAddressTryingManyUserNamesIsStoppedByTheAddressLimit() throws Exception {
        assertThat(attempt("alice", "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(attempt("bob", "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(attempt("carol", "10.0.0.1").getStatus()).isEqualTo(200);

        MockHttpServletResponse refused = attempt("dave", "10.0.0.1");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("20");
        assertThat(refused.getContentAsString()).contains("Too many sign-in attempts").contains("20");
        assertThat(attempt("dave", "10.0.0.2").getStatus()).isEqualTo(200);
    }

    @Test
    void oneUserNameTriedFromManyAddressesIsStoppedByTheUserLimitWhateverItsCase() throws Exception {
        assertThat(attempt("alice", "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(attempt("Alice", "10.0.0.2").getStatus()).isEqualTo(200);

        MockHttpServletResponse refused = attempt("ALICE", "10.0.0.3");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("30");
        clock.advance(Duration.ofSeconds(30));
        assertThat(attempt("alice", "10.0.0.4").getStatus()).isEqualTo(200);
    }

    @Test
    void onlySignInPostsAreCounted() throws Exception {
        for (int i = 0; i < 10; i++) {
            MockHttpServletRequest page = new MockHttpServletRequest("GET", "/login");
            page.setRemoteAddr("10.0.0.1");
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(page, response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
        assertThat(attempt("alice", "10.0.0.1").getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse attempt(String username, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(address);
        request.addParameter("username", username);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
