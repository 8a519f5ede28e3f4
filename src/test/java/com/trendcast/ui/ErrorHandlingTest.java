package com.trendcast.ui;

import com.trendcast.common.UserFacingException;
import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.testsupport.KaribuSpringTest;
import com.trendcast.testsupport.TestUsers;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.apache.catalina.connector.ClientAbortException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static org.assertj.core.api.Assertions.assertThat;

class ErrorHandlingTest extends KaribuSpringTest {

    @Autowired
    private UserService users;

    @Test
    void aDatabaseOutageWhileOpeningAViewShowsAReadablePageWithAReference() {
        openAs(TestUsers.create(users, Role.MANAGER, "Garden"));
        ErrorView view = new ErrorView();

        int status = view.setErrorParameter(null, new ErrorParameter<>(Exception.class,
                new CannotGetJdbcConnectionException("pool", new SQLException("Connection to 127.0.0.1 refused"))));

        assertThat(status).isEqualTo(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        String message = view.getChildren().filter(c -> "error-message".equals(c.getId().orElse(null)))
                .findFirst().orElseThrow().getElement().getText();
        assertThat(message).matches("The database cannot be reached right now\\..*\\(reference [0-9a-f]{8}\\)\\.")
                .doesNotContain("refused").doesNotContain("Exception");
    }

    @Test
    void aFailingClickShowsANotificationInTheUsersLanguage() {
        openAs(TestUsers.create(users, Role.MANAGER, "Garden"));
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);

        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(new IllegalStateException("boom")));
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(
                new RuntimeException(new UserFacingException("error.title"))));

        List<String> shown = getNotifications().stream().map(ErrorHandlingTest::text).toList();
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0)).startsWith("出现了问题。").doesNotContain("boom");
        assertThat(shown.get(1)).isEqualTo("无法显示此页面");
    }

    @Test
    void aBrowserThatClosedTheConnectionIsNoFailureToShow() {
        openAs(TestUsers.create(users, Role.MANAGER, "Garden"));

        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(new UncheckedIOException(
                new ClientAbortException(new IOException("Broken pipe")))));

        assertThat(getNotifications()).isEmpty();
    }

    private static String text(Notification notification) {
        return notification.getElement().getProperty("text");
    }
}
