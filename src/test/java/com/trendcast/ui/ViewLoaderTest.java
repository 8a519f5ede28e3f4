package com.trendcast.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Loads happen off the UI thread, a slow one shows the indicator, and only the newest load of a view lands. */
class ViewLoaderTest {

    private final Deque<Runnable> queued = new ArrayDeque<>();
    private final ViewLoader loader = new ViewLoader(queued::add);
    private Div view;
    private ProgressBar indicator;

    @BeforeEach
    void openView() {
        MockVaadin.setup();
        view = new Div();
        indicator = ViewLoader.indicator("loading");
        UI.getCurrent().add(indicator, view);
    }

    @AfterEach
    void close() {
        MockVaadin.tearDown();
    }

    @Test
    void theQueryRunsOnTheExecutorAndItsResultIsAppliedOnTheUi() throws Exception {
        Thread[] queryThread = new Thread[1];
        loader.load(view, indicator, () -> {
            queryThread[0] = Thread.currentThread();
            return "loaded";
        }, text -> view.add(new Span(text)));
        assertThat(view.getChildren()).isEmpty();

        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            background.submit(queued.poll()).get(5, TimeUnit.SECONDS);
        } finally {
            background.shutdown();
        }
        MockVaadin.runUIQueue();

        assertThat(queryThread[0]).isNotSameAs(Thread.currentThread());
        assertThat(view.getChildren()).extracting(c -> ((Span) c).getText()).containsExactly("loaded");
        assertThat(indicator.isVisible()).isFalse();
    }

    @Test
    void aLoadSlowerThanTheDelayShowsTheIndicatorUntilItsResultArrives() throws Exception {
        loader.load(view, indicator, () -> "slow", text -> view.add(new Span(text)));
        assertThat(indicator.isVisible()).isFalse();

        Thread.sleep(ViewLoader.INDICATOR_DELAY.toMillis() + 300);
        MockVaadin.runUIQueue();
        assertThat(indicator.isVisible()).isTrue();

        queued.poll().run();
        assertThat(indicator.isVisible()).isFalse();
        assertThat(view.getChildren()).hasSize(1);
    }

    @Test
    void aFastLoadNeverShowsTheIndicator() throws Exception {
        CountDownLatch applied = new CountDownLatch(1);
        new ViewLoader(Runnable::run).load(view, indicator, () -> "fast", text -> applied.countDown());

        Thread.sleep(ViewLoader.INDICATOR_DELAY.toMillis() + 300);
        MockVaadin.runUIQueue();

        assertThat(applied.getCount()).isZero();
        assertThat(indicator.isVisible()).isFalse();
    }

    @Test
    void anOlderResultArrivingLastIsDropped() {
        loader.load(view, indicator, () -> "first filter", text -> view.add(new Span(text)));
        loader.load(view, indicator, () -> "second filter", text -> view.add(new Span(text)));
        Runnable first = queued.poll();
        Runnable second = queued.poll();

        second.run();
        first.run();

        assertThat(view.getChildren()).extracting(c -> ((Span) c).getText()).containsExactly("second filter");
    }
}
