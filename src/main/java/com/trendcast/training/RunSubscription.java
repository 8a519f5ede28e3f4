package com.trendcast.training;

/** Ends a subscription to a run's updates; a view calls it on detach. Closing twice is harmless. */
public interface RunSubscription extends AutoCloseable {

    @Override
    void close();
}
