package com.trendcast.forecast.engine.global;

/**
 * Where a period sits within the run of equal values of a 0/1 covariate: periods since the value last changed
 * and periods until it next changes. For a promotion this is "third day of the promotion, two days left"; for
 * an open indicator "the day after a closure" or "the last day before one", when shoppers stock up. The look
 * ahead stops at the end of what is known at the forecast origin, so a training row sees no more of the future
 * covariates than a forecast will.
 */
public final class EventDistances {

    private EventDistances() {
    }

    /** Periods from the last change of {@code flag} up to {@code t}: 1 on the first period of a run, at most {@code cap}. */
    public static int sinceChange(double[] flag, int t, int cap) {
        int distance = 1;
        while (distance < cap && t - distance >= 0 && flag[t - distance] == flag[t]) {
            distance++;
        }
        return distance;
    }

    /**
     * Periods from {@code t} to the next change of {@code flag}: 1 when the next period already differs, at most
     * {@code cap}, also when the run reaches {@code knownEnd} (exclusive) without a change.
     */
    public static int untilChange(double[] flag, int t, int knownEnd, int cap) {
        int end = Math.min(knownEnd, flag.length);
        int distance = 1;
        while (distance < cap && t + distance < end && flag[t + distance] == flag[t]) {
            distance++;
        }
        return t + distance < end ? distance : cap;
    }
}
