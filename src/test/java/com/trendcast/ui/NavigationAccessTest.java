package com.trendcast.ui;

import com.trendcast.admin.ui.UsersView;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class NavigationAccessTest extends KaribuSpringTest {

    @Autowired
    private UserService users;

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
        assertThat(navigationPaths()).contains("admin/users", "admin/system");

        UI.getCurrent().navigate("admin/users");
        _assertOne(UsersView.class);
    }

    @Test
    void managerSeesNoAdministrationAndCannotOpenUsers() {
        openAs(TestUsers.create(users, Role.MANAGER, "Kitchen"));
        UI.getCurrent().navigate("");
        _assertOne(OverviewView.class);
        assertThat(navigationPaths()).contains("").doesNotContain("admin/users", "admin/system");

        Throwable refused = catchThrowable(() -> UI.getCurrent().navigate("admin/users"));
        assertThat(refused).isNotNull();
        _assertNone(UsersView.class);
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
