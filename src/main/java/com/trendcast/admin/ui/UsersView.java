package com.trendcast.admin.ui;

import com.trendcast.common.UserFacingException;
import com.trendcast.security.ApiTokenService;
import com.trendcast.security.ApiTokenSummary;
import com.trendcast.security.CurrentUser;
import com.trendcast.security.Role;
import com.trendcast.security.Roles;
import com.trendcast.security.UserService;
import com.trendcast.security.UserSummary;
import com.trendcast.ui.Formats;
import com.trendcast.ui.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * User administration: accounts, roles and the categories each manager owns, and each user's API tokens, which
 * an admin can revoke one by one or all at once (the secrets themselves are never stored, so never shown).
 */
@Route(value = "admin/users", layout = MainLayout.class)
@PageTitle("Users · Trendcast")
@RolesAllowed(Roles.ADMIN)
public class UsersView extends VerticalLayout {

    private final UserService users;
    private final ApiTokenService tokens;
    private final CurrentUser currentUser;
    private final Grid<UserSummary> grid = new Grid<>();

    public UsersView(UserService users, ApiTokenService tokens, CurrentUser currentUser) {
        this.users = users;
        this.tokens = tokens;
        this.currentUser = currentUser;
        setSizeFull();
        Button add = new Button(getTranslation("admin.users.add"), e -> openEditor(null));
        add.setId("add-user");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H2(getTranslation("admin.users.title")), add);
        header.setAlignItems(Alignment.BASELINE);

        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(UserSummary::username).setHeader(getTranslation("admin.users.username")).setSortable(true);
        grid.addColumn(u -> getTranslation("menu.role." + u.role().name())).setHeader(getTranslation("admin.users.role"));
        grid.addColumn(u -> String.join("; ", u.categories())).setHeader(getTranslation("admin.users.categories"))
                .setFlexGrow(2);
        grid.addColumn(this::status).setHeader(getTranslation("admin.users.status"));
        grid.addColumn(u -> Formats.date(getLocale(), u.createdAt().atZone(ZoneId.systemDefault()).toLocalDate()))
                .setHeader(getTranslation("admin.users.created"));
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true);
        add(header, grid);
        refresh();
    }

    private String status(UserSummary user) {
        if (!user.enabled()) {
            return getTranslation("admin.users.status.disabled");
        }
        return getTranslation(user.locked() ? "admin.users.status.locked" : "admin.users.status.active");
    }

    private HorizontalLayout actions(UserSummary user) {
        Button edit = new Button(getTranslation("admin.users.edit"), e -> openEditor(user));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button toggle = new Button(getTranslation(user.enabled() ? "admin.users.disable" : "admin.users.enable"),
                e -> run(() -> users.setEnabled(currentUser.username(), user.username(), !user.enabled()),
                        "admin.users.updated.notice", user.username()));
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        toggle.setEnabled(!user.username().equals(currentUser.username()));
        Button apiTokens = new Button(getTranslation("admin.users.tokens"), e -> openTokens(user.username()));
        apiTokens.setId("user-tokens-" + user.username());
        apiTokens.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(edit, toggle, apiTokens);
    }

    private void openTokens(String username) {
        Dialog dialog = new Dialog();
        dialog.setId("user-tokens-dialog");
        dialog.setHeaderTitle(getTranslation("admin.users.tokens.title", username));
        dialog.setWidth("min(56rem, 95vw)");
        Grid<ApiTokenSummary> tokenGrid = new Grid<>();
        tokenGrid.setId("user-tokens-grid");
        tokenGrid.setAllRowsVisible(true);
        tokenGrid.addColumn(ApiTokenSummary::label).setHeader(getTranslation("account.tokens.label")).setFlexGrow(2);
        tokenGrid.addColumn(t -> t.prefix() + "…").setHeader(getTranslation("account.tokens.prefix"));
        tokenGrid.addColumn(t -> Formats.dateTime(getLocale(), t.createdAt()))
                .setHeader(getTranslation("account.tokens.created"));
        tokenGrid.addColumn(t -> t.lastUsedAt() == null ? getTranslation("account.tokens.never")
                : Formats.dateTime(getLocale(), t.lastUsedAt())).setHeader(getTranslation("account.tokens.lastUsed"));
        Runnable reload = () -> tokenGrid.setItems(tokens.listOfUser(currentUser.scope(), username));
        tokenGrid.addComponentColumn(token -> revokeOrStatus(username, token, reload)).setKey("actions")
                .setAutoWidth(true);
        Button revokeAll = new Button(getTranslation("admin.users.tokens.revokeAll"), e -> {
            try {
                int revoked = tokens.revokeAllOfUser(currentUser.scope(), username);
                Notification.show(getTranslation("admin.users.tokens.revokedAll.notice", revoked, username), 3000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                reload.run();
            } catch (UserFacingException ex) {
                showError(ex);
            }
        });
        revokeAll.setId("user-tokens-revoke-all");
        revokeAll.addThemeVariants(ButtonVariant.LUMO_ERROR);
        try {
            reload.run();
        } catch (UserFacingException ex) {
            showError(ex);
            return;
        }
        dialog.add(tokenGrid);
        dialog.getFooter().add(revokeAll, new Button(getTranslation("account.tokens.close"), e -> dialog.close()));
        dialog.open();
    }

    private Component revokeOrStatus(String username, ApiTokenSummary token, Runnable reload) {
        if (token.revoked()) {
            return new Span(getTranslation("account.tokens.revoked", Formats.dateTime(getLocale(), token.revokedAt())));
        }
        Button revoke = new Button(getTranslation("account.tokens.revoke"), e -> {
            try {
                tokens.revokeOfUser(currentUser.scope(), username, token.id());
                reload.run();
            } catch (UserFacingException ex) {
                showError(ex);
            }
        });
        revoke.setId("user-token-revoke-" + token.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return revoke;
    }

    private void openEditor(UserSummary existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(existing == null ? getTranslation("admin.users.add") : existing.username());
        TextField username = new TextField(getTranslation("admin.users.username"));
        username.setId("user-username");
        Select<Role> role = new Select<>();
        role.setId("user-role");
        role.setLabel(getTranslation("admin.users.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("menu.role." + r.name()));
        role.setValue(Role.MANAGER);
        TextField categories = new TextField(getTranslation("admin.users.categories"));
        categories.setId("user-categories");
        categories.setHelperText(getTranslation("admin.users.categoriesHelp"));
        PasswordField password = new PasswordField(
                getTranslation(existing == null ? "admin.users.password" : "admin.users.resetPassword"));
        password.setId("user-password");
        password.setHelperText(getTranslation("admin.users.passwordHelp"));
        if (existing != null) {
            username.setValue(existing.username());
            username.setReadOnly(true);
            role.setValue(existing.role());
            categories.setValue(String.join(";", existing.categories()));
        }
        FormLayout form = new FormLayout(username, role, categories, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);

        Button save = new Button(getTranslation("admin.users.save"), e -> {
            List<String> categoryList = Arrays.asList(categories.getValue().split(";"));
            try {
                if (existing == null) {
                    users.create(currentUser.username(), username.getValue().strip(), password.getValue(),
                            role.getValue(), categoryList);
                    notify("admin.users.created.notice", username.getValue());
                } else {
                    users.update(currentUser.username(), existing.username(), role.getValue(), categoryList);
                    if (!password.isEmpty()) {
                        users.resetPassword(currentUser.username(), existing.username(), password.getValue());
                    }
                    notify("admin.users.updated.notice", existing.username());
                }
                dialog.close();
                refresh();
            } catch (UserFacingException ex) {
                showError(ex);
            }
        });
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("admin.users.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void run(Runnable action, String noticeKey, String username) {
        try {
            action.run();
            notify(noticeKey, username);
            refresh();
        } catch (UserFacingException ex) {
            showError(ex);
        }
    }

    private void notify(String key, String username) {
        Notification.show(getTranslation(key, username), 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void showError(UserFacingException ex) {
        Notification.show(ex.localizedMessage(getLocale()), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void refresh() {
        grid.setItems(users.list());
    }
}
