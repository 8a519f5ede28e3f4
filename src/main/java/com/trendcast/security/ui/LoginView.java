package com.trendcast.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

import java.time.Duration;

/** The sign-in page; the form posts to Spring Security's form login. */
@Route("login")
@PageTitle("Trendcast")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();
    private final int maxFailedLogins;
    private final long lockoutMinutes;

    public LoginView(@Value("${trendcast.security.max-failed-logins:5}") int maxFailedLogins,
                     @Value("${trendcast.security.lockout-duration:15m}") Duration lockoutDuration) {
        this.maxFailedLogins = maxFailedLogins;
        this.lockoutMinutes = lockoutDuration.toMinutes();
        addClassName("login-view");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(texts(null, null));
        add(new H1(getTranslation("login.title")), new Paragraph(getTranslation("login.description")), login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            return;
        }
        Exception failure = lastAuthenticationFailure();
        if (failure instanceof LockedException) {
            login.setI18n(texts(getTranslation("login.locked.title"),
                    getTranslation("login.locked.message", lockoutMinutes)));
        } else if (failure instanceof DisabledException) {
            login.setI18n(texts(getTranslation("login.disabled.title"), getTranslation("login.disabled.message")));
        } else {
            login.setI18n(texts(getTranslation("login.error.title"),
                    getTranslation("login.error.message", maxFailedLogins, lockoutMinutes)));
        }
        login.setError(true);
    }

    private LoginI18n texts(String errorTitle, String errorMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.form.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        form.setForgotPassword(getTranslation("login.forgot"));
        if (errorTitle != null) {
            i18n.getErrorMessage().setTitle(errorTitle);
            i18n.getErrorMessage().setMessage(errorMessage);
        }
        return i18n;
    }

    private static Exception lastAuthenticationFailure() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return null;
        }
        HttpSession session = request.getHttpServletRequest().getSession(false);
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return failure instanceof Exception exception ? exception : null;
    }
}
