package com.trendcast.pipeline.spec;

/** Calendar positions a pipeline may add as features. */
public enum CalendarFeature {
    /** Day of week, 1 (Monday) to 7; daily pipelines only, a week or month has no single weekday. */
    DAY_OF_WEEK,
    /** ISO week of the year, 1 to 53. */
    WEEK_OF_YEAR,
    /** Month, 1 to 12. */
    MONTH,
    /** Sine and cosine of each chosen position, so the end of a cycle sits next to its start. */
    CYCLIC
}
