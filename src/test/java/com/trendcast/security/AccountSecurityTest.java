package com.trendcast.security;

import com.trendcast.audit.AuditService;
import com.trendcast.common.UserFacingException;
import com.trendcast.testsupport.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class AccountSecurityTest {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private UserService users;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private AuditService audit;

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String username = TestUsers.create(users, Role.MANAGER, "Kitchen");

        String stored = jdbc.queryForObject("select password_hash from app_user where username = ?", String.class, username);

        assertThat(stored).startsWith("$2a$10$").doesNotContain(TestUsers.PASSWORD).hasSize(60);
    }

    @Test
    void correctPasswordSignsIn() throws Exception {
        String username = TestUsers.create(users, Role.MANAGER, "Kitchen");

        mvc.perform(formLogin("/login").user(username).password(TestUsers.PASSWORD)).andExpect(authenticated());
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutesEvenForTheRightPassword() throws Exception {
        String username = TestUsers.create(users, Role.MANAGER, "Kitchen");
        for (int attempt = 1; attempt <= 4; attempt++) {
            mvc.perform(formLogin("/login").user(username).password("wrong-password-" + attempt)).andExpect(unauthenticated());
            assertThat(users.find(username).orElseThrow().locked()).isFalse();
        }
        mvc.perform(formLogin("/login").user(username).password("wrong-password-5")).andExpect(unauthenticated());

        assertThat(users.find(username).orElseThrow().locked()).isTrue();
        Instant lockedUntil = jdbc.queryForObject("select locked_until from app_user where username = ?",
                Timestamp.class, username).toInstant();
        assertThat(Duration.between(Instant.now(), lockedUntil).toSeconds()).isCloseTo(15 * 60, within(30L));

        MvcResult result = mvc.perform(formLogin("/login").user(username).password(TestUsers.PASSWORD))
                .andExpect(unauthenticated()).andReturn();
        assertThat(result.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION))
                .isInstanceOf(LockedException.class);
        assertThat(audit.byUserAndAction(username, "login.locked")).hasSize(1);
    }

    @Test
    void lockExpiresAfterItsDuration() throws Exception {
        String username = TestUsers.create(users, Role.MANAGER, "Kitchen");
        jdbc.update("update app_user set locked_until = ? where username = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), username);

        mvc.perform(formLogin("/login").user(username).password(TestUsers.PASSWORD)).andExpect(authenticated());
    }

    @Test
    void disabledAccountCannotSignIn() throws Exception {
        String username = TestUsers.create(users, Role.MANAGER, "Kitchen");
        users.setEnabled("test", username, false);

        mvc.perform(formLogin("/login").user(username).password(TestUsers.PASSWORD)).andExpect(unauthenticated());
    }

    @Test
    void weakPasswordsAndDuplicateNamesAreRefused() {
        assertThatThrownBy(() -> users.create("test", "shorty-user", "short", Role.MANAGER, List.of()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("at least 12 characters");
        assertThatThrownBy(() -> users.create("test", "casey", "casey-is-my-password", Role.MANAGER, List.of()))
                .hasMessageContaining("must not contain the user name");
        assertThatThrownBy(() -> users.create("test", "casey", "password1234", Role.MANAGER, List.of()))
                .hasMessageContaining("too common");
        String existing = TestUsers.create(users, Role.MANAGER);
        assertThatThrownBy(() -> users.create("test", existing.toUpperCase(), TestUsers.PASSWORD, Role.MANAGER, List.of()))
                .hasMessageContaining("already exists");
    }

    @Test
    void healthAnswersWithoutLoginButOtherActuatorEndpointsDoNot() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        MvcResult metrics = mvc.perform(get("/actuator/metrics")).andReturn();
        assertThat(metrics.getResponse().getStatus()).isIn(302, 401, 403);
    }

    @Test
    void bootstrapAdminUsesTheConfiguredPassword() throws Exception {
        assertThat(users.find("admin")).hasValueSatisfying(admin -> assertThat(admin.role()).isEqualTo(Role.ADMIN));

        mvc.perform(formLogin("/login").user("admin").password("test-root-passphrase-42")).andExpect(authenticated());
    }
}
