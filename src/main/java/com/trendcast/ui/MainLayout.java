package com.trendcast.ui;

import com.trendcast.security.CurrentUser;
import com.trendcast.security.UserService;
import com.trendcast.security.ui.AccountView;
import com.trendcast.ui.i18n.TranslationProvider;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;

import java.util.Locale;

/**
 * The application shell: navigation to every area the signed-in user may open, and a user menu
 * with the language choice and sign-out. An entry is shown only when its view admits the user.
 */
@PermitAll
public class MainLayout extends AppLayout implements RouterLayout {

    private final CurrentUser currentUser;
    private final UserService users;
    private final AccessAnnotationChecker accessChecker;

    public MainLayout(CurrentUser currentUser, UserService users, AccessAnnotationChecker accessChecker) {
        this.currentUser = currentUser;
        this.users = users;
        this.accessChecker = accessChecker;
        setPrimarySection(Section.DRAWER);
        addToNavbar(true, new DrawerToggle(), title(), spacer(), userMenu());
        addToDrawer(brand(), navigation());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        users.find(currentUser.username())
                .map(user -> user.locale())
                .filter(tag -> tag != null && !tag.isBlank())
                .map(Locale::forLanguageTag)
                .map(TranslationProvider::supported)
                .filter(locale -> !locale.equals(TranslationProvider.supported(attachEvent.getUI().getLocale())))
                .ifPresent(locale -> switchLocale(attachEvent.getUI(), locale));
    }

    private Component title() {
        Span title = new Span(getTranslation("app.tagline"));
        title.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.TextColor.SECONDARY);
        return title;
    }

    private static Component spacer() {
        Div spacer = new Div();
        spacer.getStyle().set("flex-grow", "1");
        return spacer;
    }

    private Component brand() {
        Span brand = new Span("Trendcast");
        brand.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.FontWeight.SEMIBOLD,
                LumoUtility.Padding.MEDIUM);
        brand.getStyle().set("color", "var(--lumo-primary-text-color)");
        return brand;
    }

    private Component navigation() {
        SideNav main = new SideNav();
        SideNav admin = new SideNav(getTranslation("nav.section.admin"));
        for (NavigationEntry entry : NavigationEntry.ENTRIES) {
            if (accessChecker.hasAccess(entry.view())) {
                (entry.admin() ? admin : main).addItem(
                        new SideNavItem(getTranslation(entry.labelKey()), entry.view(), entry.icon().create()));
            }
        }
        Div drawer = new Div(main);
        if (!admin.getItems().isEmpty()) {
            admin.getStyle().set("margin-top", "var(--lumo-space-l)");
            drawer.add(admin);
        }
        return drawer;
    }

    private Component userMenu() {
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        String username = currentUser.username();
        Avatar avatar = new Avatar(username);
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        HorizontalLayout label = new HorizontalLayout(avatar, new Span(username));
        label.setAlignItems(FlexComponent.Alignment.CENTER);
        label.setSpacing(true);
        MenuItem root = menu.addItem(label);
        root.setId("user-menu");
        SubMenu sub = root.getSubMenu();
        String roleKey = currentUser.isAdmin() ? "menu.role.ADMIN" : "menu.role.MANAGER";
        sub.addItem(getTranslation(roleKey)).setEnabled(false);
        MenuItem language = sub.addItem(getTranslation("menu.language"));
        language.getSubMenu().addItem("English", e -> chooseLocale(TranslationProvider.ENGLISH))
                .setId("language-en");
        language.getSubMenu().addItem("简体中文", e -> chooseLocale(TranslationProvider.CHINESE))
                .setId("language-zh");
        sub.addItem(createIconLabel(VaadinIcon.KEY, getTranslation("menu.account")),
                e -> UI.getCurrent().navigate(AccountView.class)).setId("account");
        sub.addItem(createIconLabel(VaadinIcon.SIGN_OUT, getTranslation("menu.logout")), e -> currentUser.logout())
                .setId("logout");
        return menu;
    }

    private static Component createIconLabel(VaadinIcon icon, String text) {
        HorizontalLayout layout = new HorizontalLayout(icon.create(), new Span(text));
        layout.setAlignItems(FlexComponent.Alignment.CENTER);
        return layout;
    }

    private void chooseLocale(Locale locale) {
        users.setLocale(currentUser.username(), locale);
        switchLocale(UI.getCurrent(), locale);
    }

    private static void switchLocale(UI ui, Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        ui.setLocale(locale);
        ui.refreshCurrentRoute(true);
    }
}
