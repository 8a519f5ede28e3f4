package com.trendcast.security.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.trendcast.security.ApiTokenService;
import com.trendcast.security.ApiTokenSummary;
import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.testsupport.KaribuSpringTest;
import com.trendcast.testsupport.TestUsers;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class AccountViewTest extends KaribuSpringTest {

    @Autowired
    private UserService users;
    @Autowired
    private ApiTokenService tokens;

    @Test
    void aNewTokenIsShownOnceWorksAndIsListedOnlyByItsPrefix() {
        String manager = TestUsers.create(users, Role.MANAGER, "Kitchen");
        openAs(manager);
        UI.getCurrent().navigate(AccountView.class);

        _click(_get(Button.class, spec -> spec.withId("token-create")));
        _setValue(_get(TextField.class, spec -> spec.withId("token-label")), "weekly report");
        _click(_get(Button.class, spec -> spec.withId("token-create-confirm")));

        String secret = _get(TextField.class, spec -> spec.withId("token-secret")).getValue();
        assertThat(secret).startsWith("tc_").hasSize(46);
        assertThat(tokens.authenticate(secret)).hasValueSatisfying(owner -> assertThat(owner.username()).isEqualTo(manager));
        @SuppressWarnings("unchecked")
        Grid<ApiTokenSummary> grid = _get(Grid.class, spec -> spec.withId("token-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("weekly report").contains(secret.substring(0, 9) + "…")
                .noneMatch(cell -> cell.contains(secret));

        _click(_get(Button.class, spec -> spec.withId("token-close")));
        _assertNone(TextField.class, spec -> spec.withId("token-secret"));
        UI.getCurrent().navigate(AccountView.class);
        assertThat(_find(TextField.class)).noneMatch(field -> secret.equals(field.getValue()));
    }

    @Test
    void revokingATokenStopsItAndShowsWhen() {
        String manager = TestUsers.create(users, Role.MANAGER, "Kitchen");
        var created = tokens.create(manager, manager, "old script");
        openAs(manager);
        UI.getCurrent().navigate(AccountView.class);

        @SuppressWarnings("unchecked")
        Grid<ApiTokenSummary> grid = _get(Grid.class, spec -> spec.withId("token-grid"));
        _click((Button) GridKt._getCellComponent(grid, 0, "actions"));

        assertThat(tokens.authenticate(created.secret())).isEmpty();
        assertThat(GridKt._getCellComponent(grid, 0, "actions")).isNotInstanceOf(Button.class);
        assertThat(tokens.list(manager)).singleElement().satisfies(token -> assertThat(token.revoked()).isTrue());
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        String manager = TestUsers.create(users, Role.MANAGER, "Kitchen");
        openAs(manager);
        UI.getCurrent().navigate(AccountView.class);

        _setValue(_get(PasswordField.class, spec -> spec.withId("password-current")), "not-my-password");
        _setValue(_get(PasswordField.class, spec -> spec.withId("password-new")), "another-long-passphrase");
        _click(_get(Button.class, spec -> spec.withId("password-change")));

        NotificationsKt.expectNotifications("The current password is not correct.");
    }

    @Test
    void theUserMenuLeadsToTheAccountPage() {
        openAs(TestUsers.create(users, Role.MANAGER, "Kitchen"));
        UI.getCurrent().navigate("");

        assertThat(_find(Component.class, spec -> spec.withId("account"))).hasSize(1);
    }
}
