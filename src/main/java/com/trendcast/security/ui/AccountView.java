package com.trendcast.security.ui;

import com.trendcast.common.UserFacingException;
import com.trendcast.security.ApiTokenService;
import com.trendcast.security.ApiTokenSummary;
import com.trendcast.security.CreatedApiToken;
import com.trendcast.security.CurrentUser;
import com.trendcast.security.UserService;
import com.trendcast.ui.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.PermitAll;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The signed-in user's own account: change the password (which signs out their other sessions) and manage
 * personal API tokens. A new token's secret is shown once, in the dialog that created it, and nowhere after.
 */
@Route(value = "account", layout = MainLayout.class)
@PageTitle("Account · Trendcast")
@PermitAll
public class AccountView extends VerticalLayout {

    private final ApiTokenService tokens;
    private final UserService users;
    private final String username;
    private final Grid<ApiTokenSummary> grid = new Grid<>();

    public AccountView(ApiTokenService tokens, UserService users, CurrentUser currentUser) {
        this.tokens = tokens;
        this.users = users;
        this.username = currentUser.username();
        add(new H2(getTranslation("account.title")), passwordSection(), tokenSection());
        refresh();
    }

    private VerticalLayout passwordSection() {
        PasswordField current = new PasswordField(getTranslation("account.password.current"));
        current.setId("password-current");
        PasswordField fresh = new PasswordField(getTranslation("account.password.new"));
        fresh.setId("password-new");
        fresh.setHelperText(getTranslation("admin.users.passwordHelp"));
        Button change = new Button(getTranslation("account.password.change"), e -> {
            try {
                users.changeOwnPassword(username, current.getValue(), fresh.getValue(),
                        VaadinSession.getCurrent().getSession().getId());
                current.clear();
                fresh.clear();
                show(getTranslation("account.password.changed"), NotificationVariant.LUMO_SUCCESS);
            } catch (UserFacingException ex) {
                show(ex.localizedMessage(getLocale()), NotificationVariant.LUMO_ERROR);
            }
        });
        change.setId("password-change");
        FormLayout form = new FormLayout(current, fresh);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("account.password.title")),
                new Paragraph(getTranslation("account.password.hint")), form, change);
        section.setPadding(false);
        return section;
    }

    private VerticalLayout tokenSection() {
        Button create = new Button(getTranslation("account.tokens.create"), e -> openCreateDialog());
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("token-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(ApiTokenSummary::label).setHeader(getTranslation("account.tokens.label")).setFlexGrow(2);
        grid.addColumn(t -> t.prefix() + "…").setHeader(getTranslation("account.tokens.prefix"));
        grid.addColumn(t -> time(t.createdAt())).setHeader(getTranslation("account.tokens.created"));
        grid.addColumn(t -> t.lastUsedAt() == null ? getTranslation("account.tokens.never") : time(t.lastUsedAt()))
                .setHeader(getTranslation("account.tokens.lastUsed"));
        grid.addComponentColumn(this::revokeOrStatus).setKey("actions").setAutoWidth(true);
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("account.tokens.title")),
                new Paragraph(getTranslation("account.tokens.hint")), create, grid);
        section.setPadding(false);
        return section;
    }

    private Component revokeOrStatus(ApiTokenSummary token) {
        if (token.revoked()) {
            return new Paragraph(getTranslation("account.tokens.revoked", time(token.revokedAt())));
        }
        Button revoke = new Button(getTranslation("account.tokens.revoke"), e -> {
            try {
                tokens.revoke(username, token.id());
                refresh();
            } catch (UserFacingException ex) {
                show(ex.localizedMessage(getLocale()), NotificationVariant.LUMO_ERROR);
            }
        });
        revoke.setId("token-revoke-" + token.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return revoke;
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setId("token-dialog");
        dialog.setHeaderTitle(getTranslation("account.tokens.create"));
        TextField label = new TextField(getTranslation("account.tokens.label"));
        label.setId("token-label");
        label.setWidthFull();
        dialog.add(label);
        Button close = new Button(getTranslation("account.tokens.close"), e -> dialog.close());
        close.setId("token-close");
        Button confirm = new Button(getTranslation("account.tokens.create"));
        confirm.setId("token-create-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            try {
                CreatedApiToken created = tokens.create(username, username, label.getValue());
                dialog.removeAll();
                dialog.add(secretField(created.secret()), new Paragraph(getTranslation("account.tokens.shownOnce")));
                confirm.setVisible(false);
                refresh();
            } catch (UserFacingException ex) {
                show(ex.localizedMessage(getLocale()), NotificationVariant.LUMO_ERROR);
            }
        });
        dialog.getFooter().add(close, confirm);
        dialog.open();
    }

    private TextField secretField(String secret) {
        TextField field = new TextField(getTranslation("account.tokens.secret"));
        field.setId("token-secret");
        field.setValue(secret);
        field.setReadOnly(true);
        field.setWidthFull();
        return field;
    }

    private String time(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .format(instant.atZone(ZoneId.systemDefault()));
    }

    private void show(String message, NotificationVariant variant) {
        Notification.show(message, 5000, Notification.Position.MIDDLE).addThemeVariants(variant);
    }

    private void refresh() {
        grid.setItems(tokens.list(username));
    }
}
