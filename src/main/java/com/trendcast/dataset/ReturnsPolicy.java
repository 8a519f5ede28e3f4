package com.trendcast.dataset;

/** What to do with return and cancellation rows (negative quantities, invoice ids such as "C536379"). */
public enum ReturnsPolicy {
    /** Keep them: their negative quantities and amounts subtract from the day's sales. */
    NET,
    /** Skip them; they are counted and reported, never silently lost. */
    DROP
}
