package com.trendcast.security;

import com.trendcast.audit.AuditService;
import com.trendcast.common.UserFacingException;
import com.trendcast.testsupport.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class ApiTokenAdminRevocationTest {

    @Autowired
    private ApiTokenService tokens;
    @Autowired
    private UserService users;
    @Autowired
    private AuditService audit;

    @Test
    void anAdminSeesAnotherUsersTokensWithoutSecretsAndRevokesOne() {
        String admin = TestUsers.create(users, Role.ADMIN);
        String manager = TestUsers.create(users, Role.MANAGER, "Kitchen");
        CreatedApiToken script = tokens.create(manager, manager, "nightly export");
        CreatedApiToken report = tokens.create(manager, manager, "weekly report");

        assertThat(tokens.listOfUser(users.scopeOf(admin), manager))
                .extracting(ApiTokenSummary::label).containsExactlyInAnyOrder("nightly export", "weekly report");
        assertThat(tokens.listOfUser(users.scopeOf(admin), manager).toString())
                .doesNotContain(script.secret()).doesNotContain(report.secret());

        tokens.revokeOfUser(users.scopeOf(admin), manager, script.token().id());

        assertThat(tokens.authenticate(script.secret())).isEmpty();
        assertThat(tokens.authenticate(report.secret())).isPresent();
        assertThat(audit.byUserAndAction(admin, "api.token.revoke")).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).isEqualTo("Token " + script.token().id()
                        + " 'nightly export' of " + manager));
    }

    @Test
    void anAdminRevokesAllOfAUsersTokensAndTheCountIsAudited() {
        String admin = TestUsers.create(users, Role.ADMIN);
        String manager = TestUsers.create(users, Role.MANAGER, "Kitchen");
        CreatedApiToken first = tokens.create(manager, manager, "a");
        CreatedApiToken second = tokens.create(manager, manager, "b");
        tokens.revoke(manager, first.token().id());

        int revoked = tokens.revokeAllOfUser(users.scopeOf(admin), manager);

        assertThat(revoked).isEqualTo(1);
        assertThat(tokens.authenticate(second.secret())).isEmpty();
        assertThat(tokens.list(manager)).allSatisfy(token -> assertThat(token.revoked()).isTrue());
        assertThat(audit.byUserAndAction(admin, "api.token.revoke.all")).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).isEqualTo("1 tokens of " + manager));
    }

    @Test
    void aManagerCanNeitherListNorRevokeAnotherUsersTokens() {
        String manager = TestUsers.create(users, Role.MANAGER, "Kitchen");
        String colleague = TestUsers.create(users, Role.MANAGER, "Kitchen");
        CreatedApiToken token = tokens.create(colleague, colleague, "script");
        AccessScope scope = users.scopeOf(manager);

        assertThatThrownBy(() -> tokens.listOfUser(scope, colleague))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.localizedMessage(Locale.ENGLISH))
                        .isEqualTo("Only an admin can see or revoke the API tokens of another user."));
        assertThatThrownBy(() -> tokens.revokeOfUser(scope, colleague, token.token().id()))
                .isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> tokens.revokeAllOfUser(scope, colleague)).isInstanceOf(UserFacingException.class);

        assertThat(tokens.authenticate(token.secret())).isPresent();
        assertThat(audit.byUserAndAction(manager, "api.token.revoke")).isEmpty();
    }

    @Test
    void anAdminCannotRevokeATokenThroughTheWrongOwner() {
        String admin = TestUsers.create(users, Role.ADMIN);
        String owner = TestUsers.create(users, Role.MANAGER, "Kitchen");
        String other = TestUsers.create(users, Role.MANAGER, "Kitchen");
        CreatedApiToken token = tokens.create(owner, owner, "script");

        assertThatThrownBy(() -> tokens.revokeOfUser(users.scopeOf(admin), other, token.token().id()))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("apiToken.admin.notFound"));
        assertThat(tokens.authenticate(token.secret())).isPresent();
    }
}
