package com.trendcast.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.trendcast.admin.ui.UsersView;
import com.trendcast.audit.AuditEntry;
import com.trendcast.audit.AuditService;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.trendcast.overview.ui.OverviewView;
import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.security.ui.LoginView;
import com.trendcast.testsupport.KaribuSpringTest;
import com.trendcast.testsupport.TestUsers;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class NavigationAccessTest extends KaribuSpringTest {

    @Autowired
    private UserService users;
    @Autowired
    private AuditService audit;

    @Test
    void anonymousVisitorIsSentToLogin() {
        openAnonymous();
        UI.getCurrent().navigate("");
        _assertOne(LoginView.class);
        _assertNone(OverviewView.class);
    }

    @Test
    void adminSeesAdministrationEntries() {
        openAs(TestUsers.create(users, Role.ADMIN));
        UI.getCurrent().navigate("");
        _assertOne(OverviewView.class);
        assertThat(navigationPaths()).contains("admin/users", "admin/system", "admin/audit");

        UI.getCurrent().navigate("admin/users");
        _assertOne(UsersView.class);
    }

    @Test
    void managerSeesNoAdministrationAndCannotOpenUsers() {
        openAs(TestUsers.create(users, Role.MANAGER, "Kitchen"));
        UI.getCurrent().navigate("");
        _assertOne(OverviewView.class);
        assertThat(navigationPaths()).contains("").doesNotContain("admin/users", "admin/system", "admin/audit");

        Throwable refused = catchThrowable(() -> UI.getCurrent().navigate("admin/users"));
        assertThat(refused).isNotNull();
        _assertNone(UsersView.class);
    }

    @Test
    void auditLogFiltersByUser() {
        String actor = "auditee-" + System.nanoTime();
        audit.record(actor, "DATASET_DELETED", "sales 2024");
        audit.record("someone-else", "DATASET_DELETED", "other");
        openAs(TestUsers.create(users, Role.ADMIN));
        UI.getCurrent().navigate("admin/audit");

        _setValue(_get(TextField.class, spec -> spec.withId("audit-user")), actor);

        Grid<AuditEntry> grid = _get(Grid.class, spec -> spec.withId("audit-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).detail()).isEqualTo("sales 2024");
    }

    @Test
    void languageSwitchChangesTextsAndIsRemembered() {
        String username = TestUsers.create(users, Role.MANAGER, "Kitchen");
        openAs(username);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("");
        assertThat(_get(Div.class, spec -> spec.withId("overview-empty")).getElement().getTextRecursively())
                .contains("No sales data yet");
        assertThat(_find(H2.class)).extracting(H2::getText).contains("Overview");

        com.github.mvysny.kaributesting.v10.ContextMenuKt._clickItemWithID(
                _get(com.vaadin.flow.component.menubar.MenuBar.class), "language-zh");

        assertThat(_find(H2.class)).extracting(H2::getText).contains("概览");
        assertThat(_get(Div.class, spec -> spec.withId("overview-empty")).getElement().getTextRecursively())
                .contains("还没有销售数据");
        assertThat(users.find(username).orElseThrow().locale()).isEqualTo("zh-CN");
    }

    private static List<String> navigationPaths() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getPath).toList();
    }
}
