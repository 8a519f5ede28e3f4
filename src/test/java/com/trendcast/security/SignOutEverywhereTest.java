package com.trendcast.security;

import com.trendcast.testsupport.ApiSpringTest;
import com.trendcast.testsupport.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A password reset ends the user's browser sessions. An admin's reset also revokes the user's API tokens (the
 * password may be known to someone else, who may have made tokens); the user's own change keeps the session
 * they changed it in and their tokens.
 */
class SignOutEverywhereTest extends ApiSpringTest {

    private static final String NEW_PASSWORD = "a-completely-new-passphrase";

    @Test
    void anAdminsResetEndsEverySessionAndRevokesTheTokens() throws Exception {
        String manager = TestUsers.create(users, Role.MANAGER, "Kitchen");
        MockHttpSession laptop = signIn(manager, TestUsers.PASSWORD);
        MockHttpSession phone = signIn(manager, TestUsers.PASSWORD);
        String token = tokenOf(manager, "script");
        assertThat(signedIn(laptop)).isTrue();
        assertThat(signedIn(phone)).isTrue();

        users.resetPassword("admin", manager, NEW_PASSWORD);

        assertThat(signedIn(laptop)).isFalse();
        assertThat(signedIn(phone)).isFalse();
        assertThat(mvc.perform(get("/v3/api-docs").session(phone)).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(apiStatus(token)).startsWith("401 ").contains("api.auth.invalidToken");
        assertThat(tokens.list(manager)).allMatch(ApiTokenSummary::revoked);
        assertThat(signedIn(signIn(manager, NEW_PASSWORD))).isTrue();
    }

    @Test
    void theUsersOwnChangeKeepsThisSessionAndTheTokensButEndsTheOthers() throws Exception {
        String manager = TestUsers.create(users, Role.MANAGER, "Kitchen");
        MockHttpSession here = signIn(manager, TestUsers.PASSWORD);
        MockHttpSession elsewhere = signIn(manager, TestUsers.PASSWORD);
        String token = tokenOf(manager, "script");

        users.changeOwnPassword(manager, TestUsers.PASSWORD, NEW_PASSWORD, here.getId());

        assertThat(signedIn(here)).isTrue();
        assertThat(signedIn(elsewhere)).isFalse();
        assertThat(apiStatus(token)).isEqualTo("200");
    }

    @Test
    void disablingAUserEndsTheirSessions() throws Exception {
        String manager = TestUsers.create(users, Role.MANAGER, "Kitchen");
        MockHttpSession session = signIn(manager, TestUsers.PASSWORD);

        users.setEnabled("admin", manager, false);

        assertThat(signedIn(session)).isFalse();
    }

    @Test
    void anotherUsersSessionsAreLeftAlone() throws Exception {
        String manager = TestUsers.create(users, Role.MANAGER, "Kitchen");
        String colleague = TestUsers.create(users, Role.MANAGER, "Kitchen");
        MockHttpSession colleagues = signIn(colleague, TestUsers.PASSWORD);

        users.resetPassword("admin", manager, NEW_PASSWORD);

        assertThat(signedIn(colleagues)).isTrue();
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
                .andReturn().getRequest().getSession(false);
    }

    /** Whether the session still opens a page that needs a signed-in user, instead of going to the login page. */
    private boolean signedIn(MockHttpSession session) throws Exception {
        // A page Spring MVC serves itself behind the Vaadin chain (Vaadin's own pages need a servlet MockMvc lacks).
        var response = mvc.perform(get("/swagger-ui/index.html").session(session)).andReturn().getResponse();
        return response.getStatus() == 200;
    }

    /** The status of an API call with the token, and the error body when there is one, to tell failures apart. */
    private String apiStatus(String token) throws Exception {
        var response = mvc.perform(get("/api/v1/datasets").with(bearer(token)))
                .andReturn().getResponse();
        return response.getStatus() == 200 ? "200" : response.getStatus() + " " + response.getContentAsString();
    }
}
