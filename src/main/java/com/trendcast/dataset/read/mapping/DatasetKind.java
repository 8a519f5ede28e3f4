package com.trendcast.dataset.read.mapping;

/** What a file describes, which decides the logical fields it is mapped to. */
public enum DatasetKind {
    /** Sales lines or daily aggregates: date, product, quantities, money. */
    SALES,
    /** One row per browsing session with a purchased/not-purchased label and behaviour features. */
    SESSIONS,
    /** Click-stream events: timestamp, user or session, item, event type. */
    EVENTS
}
