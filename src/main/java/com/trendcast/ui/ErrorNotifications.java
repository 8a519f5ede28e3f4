package com.trendcast.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Failures in event handlers (a click, a value change) would otherwise only reach the log, leaving the user
 * with a page that silently did nothing: every UI shows them as a readable notification instead.
 */
@Component
class ErrorNotifications implements VaadinServiceInitListener {

    private static final int DURATION_MS = 8000;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().getSession().setErrorHandler(error -> {
            if (clientWentAway(error.getThrowable())) {
                return;
            }
            UI ui = UI.getCurrent();
            String message = UserErrors.messageFor(error.getThrowable(), ui == null ? Locale.ENGLISH : ui.getLocale());
            if (ui != null) {
                Notification notification = Notification.show(message, DURATION_MS, Notification.Position.MIDDLE);
                notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }));
    }

    /**
     * A browser that closed the connection while its answer was written (tab closed, page left) is no failure of
     * ours and nobody is there to tell; the servlet containers name the cause by these classes.
     */
    private static boolean clientWentAway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.equals("ClientAbortException") || name.equals("EofException")) {
                return true;
            }
        }
        return false;
    }
}
