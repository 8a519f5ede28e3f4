package com.trendcast.admin.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.trendcast.audit.AuditService;
import com.trendcast.security.ApiTokenService;
import com.trendcast.security.ApiTokenSummary;
import com.trendcast.security.CreatedApiToken;
import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.security.UserSummary;
import com.trendcast.testsupport.KaribuSpringTest;
import com.trendcast.testsupport.TestUsers;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class UsersViewTokensTest extends KaribuSpringTest {

    @Autowired
    private UserService users;
    @Autowired
    private ApiTokenService tokens;
    @Autowired
    private AuditService audit;

    @Test
    void anAdminSeesAUsersTokensWithoutTheirSecretsAndRevokesOneThenAll() {
        String admin = TestUsers.create(users, Role.ADMIN);
        String manager = TestUsers.create(users, Role.MANAGER, "Kitchen");
        CreatedApiToken nightly = tokens.create(manager, manager, "nightly export");
        CreatedApiToken weekly = tokens.create(manager, manager, "weekly report");
        openAs(admin);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate(UsersView.class);

        _click(userTokensButton(manager));

        @SuppressWarnings("unchecked")
        Grid<ApiTokenSummary> grid = _get(Grid.class, spec -> spec.withId("user-tokens-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(grid, 1)).contains("nightly export", nightly.secret().substring(0, 9) + "…",
                "Never").noneMatch(cell -> cell.contains(nightly.secret()));

        Button revoke = (Button) GridKt._getCellComponent(grid, 1, "actions");
        assertThat(revoke.getId()).hasValue("user-token-revoke-" + nightly.token().id());
        _click(revoke);

        assertThat(tokens.authenticate(nightly.secret())).isEmpty();
        assertThat(tokens.authenticate(weekly.secret())).isPresent();
        assertThat(GridKt._getCellComponent(grid, 1, "actions")).isNotInstanceOf(Button.class);
        assertThat(audit.byUserAndAction(admin, "api.token.revoke")).hasSize(1);

        _click(_get(Button.class, spec -> spec.withId("user-tokens-revoke-all")));

        assertThat(tokens.authenticate(weekly.secret())).isEmpty();
        assertThat(GridKt._getCellComponent(grid, 0, "actions")).isNotInstanceOf(Button.class);
        assertThat(audit.byUserAndAction(admin, "api.token.revoke.all")).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).isEqualTo("1 tokens of " + manager));
    }

    private static Button userTokensButton(String username) {
        @SuppressWarnings("unchecked")
        Grid<UserSummary> usersGrid = _get(Grid.class, spec -> spec.withId("users-grid"));
        for (int row = 0; row < GridKt._size(usersGrid); row++) {
            if (GridKt._get(usersGrid, row).username().equals(username)) {
                return (Button) GridKt._getCellComponent(usersGrid, row, "actions").getChildren()
                        .filter(child -> child.getId().orElse("").equals("user-tokens-" + username))
                        .findFirst().orElseThrow();
            }
        }
        throw new AssertionError(username + " not in the users grid");
    }
}
