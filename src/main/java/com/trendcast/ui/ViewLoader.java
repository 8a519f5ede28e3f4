package com.trendcast.ui;

import com.trendcast.common.UserFacingException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.VaadinSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a view's queries off the UI thread and applies their results with {@link UI#access} (the app has
 * {@code @Push}). A load that takes longer than {@link #INDICATOR_DELAY} shows the view's progress bar; a newer
 * load of the same view replaces an older one, whose result is then dropped, so quick filter changes never
 * show a stale answer.
 */
@org.springframework.stereotype.Component
public class ViewLoader {

    public static final Duration INDICATOR_DELAY = Duration.ofMillis(300);
    private static final Logger log = LoggerFactory.getLogger(ViewLoader.class);

    private final Executor executor;

    @Autowired
    public ViewLoader(@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this((Executor) executor);
    }

    /** Loads on {@code executor}; a caller-runs executor makes every load finish before {@code load} returns. */
    public ViewLoader(Executor executor) {
        this.executor = executor;
    }

    /** An indeterminate progress bar, hidden until a load runs longer than {@link #INDICATOR_DELAY}. */
    public static ProgressBar indicator(String id) {
        ProgressBar indicator = new ProgressBar();
        indicator.setId(id);
        indicator.setIndeterminate(true);
        indicator.setVisible(false);
        return indicator;
    }

    /**
     * Runs {@code query} in the background, then {@code apply} with its result on the UI, unless {@code owner}
     * started another load meanwhile. A failure is logged and shown as a notification.
     */
    public <T> void load(Component owner, ProgressBar indicator, Supplier<T> query, Consumer<T> apply) {
        UI ui = owner.getUI().orElseGet(UI::getCurrent);
        Ticket ticket = new Ticket();
        ComponentUtil.setData(owner, Ticket.class, ticket);
        executor.execute(() -> {
            T result;
            try {
                result = query.get();
            } catch (RuntimeException e) {
                ticket.done = true;
                log.error("Loading data for {} failed", owner.getClass().getSimpleName(), e);
                access(ui, () -> {
                    if (isCurrent(owner, ticket)) {
                        indicator.setVisible(false);
                        showFailure(ui, e);
                    }
                });
                return;
            }
            ticket.done = true;
            access(ui, () -> {
                if (isCurrent(owner, ticket)) {
                    indicator.setVisible(false);
                    apply.accept(result);
                }
            });
        });
        if (!ticket.done) {
            CompletableFuture.delayedExecutor(INDICATOR_DELAY.toMillis(), TimeUnit.MILLISECONDS).execute(() ->
                    access(ui, () -> indicator.setVisible(!ticket.done && isCurrent(owner, ticket))));
        }
    }

    private static boolean isCurrent(Component owner, Ticket ticket) {
        return ComponentUtil.getData(owner, Ticket.class) == ticket;
    }

    /** Runs at once where this thread already holds the session (a caller-runs executor), else queues it. */
    private static void access(UI ui, Command command) {
        VaadinSession session = ui.getSession();
        if (session != null && session.hasLock()) {
            command.execute();
            return;
        }
        try {
            ui.access(command);
        } catch (UIDetachedException e) {
            log.debug("View closed before its data arrived");
        }
    }

    private static void showFailure(UI ui, RuntimeException failure) {
        String message = failure instanceof UserFacingException userFacing
                ? userFacing.localizedMessage(ui.getLocale())
                : ui.getTranslation("view.load.failed");
        Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** One load of one view; only the latest ticket of a view may apply its result. */
    private static final class Ticket {
        private volatile boolean done;
    }
}
