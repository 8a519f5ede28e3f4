package com.trendcast.training;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Hands run updates to subscribers on one dispatch thread of its own, so the training thread only enqueues and
 * never waits on a subscriber (a view then moves the update into its UI with {@code ui.access}).
 */
@Component
class ProgressHub {

    private static final Logger log = LoggerFactory.getLogger(ProgressHub.class);

    private final Map<Long, List<Consumer<RunUpdate>>> subscribers = new ConcurrentHashMap<>();
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "training-progress");
        thread.setDaemon(true);
        return thread;
    });

    RunSubscription subscribe(long runId, Consumer<RunUpdate> subscriber) {
        subscribers.computeIfAbsent(runId, id -> new CopyOnWriteArrayList<>()).add(subscriber);
        return () -> subscribers.computeIfPresent(runId, (id, list) -> {
            list.remove(subscriber);
            return list.isEmpty() ? null : list;
        });
    }

    void publish(RunUpdate update) {
        List<Consumer<RunUpdate>> current = subscribers.get(update.runId());
        if (current == null || current.isEmpty()) {
            return;
        }
        dispatcher.execute(() -> {
            for (Consumer<RunUpdate> subscriber : current) {
                try {
                    subscriber.accept(update);
                } catch (RuntimeException e) {
                    log.warn("A subscriber of training run {} failed: {}", update.runId(), e.toString());
                }
            }
        });
    }

    @PreDestroy
    void stop() {
        dispatcher.shutdownNow();
    }
}
