package com.trendcast.training;

import org.springframework.context.ApplicationContext;

/** Lets view tests push a chosen update through the training service's real subscription machinery. */
public final class PushedUpdates {

    private PushedUpdates() {
    }

    public static void publish(ApplicationContext context, RunUpdate update) {
        context.getBean(ProgressHub.class).publish(update);
    }
}
