package com.trendcast.behaviour;

import java.util.List;

/**
 * Sessions and their conversion broken down by the values of one session column.
 *
 * @param binned true when the column is numeric with many values, so the segments are value ranges
 */
public record SessionSegments(String column, boolean binned, long sessions, long purchases, List<Segment> segments) {

    public double conversionRate() {
        return sessions == 0 ? 0 : (double) purchases / sessions;
    }

    /**
     * One segment: a value of the column, or a range {@code (lower, upper]} of a binned numeric column;
     * {@code label} is null for sessions without a value.
     */
    public record Segment(String label, Double lower, Double upper, long sessions, long purchases) {

        public double conversionRate() {
            return sessions == 0 ? 0 : (double) purchases / sessions;
        }
    }

    /** A feature column of a session dataset, in the order of the file. */
    public record Column(String name, boolean numeric) {
    }
}
