package com.trendcast.forecast.engine.global;

import com.trendcast.forecast.engine.Frequency;

import java.util.Arrays;

/**
 * What recent history says about one period, as known at a forecast origin: the strongest inputs of the global
 * models. All values are read strictly before the origin, so training rows never see their own future.
 */
public final class RecentProfiles {

    /** Recent same-phase values whose median is the profile. */
    private static final int PROFILE_VALUES = 6;
    /** Matching periods whose median is the matched profile, searched this many phases back. */
    private static final int MATCHES = 4;
    private static final int MATCH_SPAN_PHASES = 26;
    private static final int DAYS_PER_WEEK = 7;

    private RecentProfiles() {
    }

    /** Periods between comparable periods: a week for daily data, one period otherwise. */
    public static int phase(Frequency frequency) {
        return frequency == Frequency.DAY ? DAYS_PER_WEEK : 1;
    }

    /**
     * Median of the last few same-phase values before {@code origin} (for daily data: the same weekday), or
     * {@code fallback} when there is none.
     */
    public static double profile(double[] values, int t, int origin, int phase, double fallback) {
        double[] recent = new double[PROFILE_VALUES];
        int found = 0;
        for (int lag = firstLag(t, origin, phase); found < PROFILE_VALUES && t - lag >= 0; lag += phase) {
            recent[found++] = values[t - lag];
        }
        return found > 0 ? median(Arrays.copyOf(recent, found)) : fallback;
    }

    /**
     * Median of recent same-phase values before {@code origin} whose 0/1 covariates all equal those at
     * {@code t}: "the last promotion Mondays" for a promotion Monday, which carries each series' own promotion
     * and holiday effects. {@code fallback} when fewer than two such periods lie within half a year of phases.
     *
     * @param flags 0/1 covariates over history and horizon, indexed like {@code values}
     */
    public static double matched(double[] values, double[][] flags, int t, int origin, int phase, double fallback) {
        double[] matches = new double[MATCHES];
        int found = 0;
        for (int lag = firstLag(t, origin, phase); found < MATCHES && lag <= MATCH_SPAN_PHASES * phase
                && t - lag >= 0; lag += phase) {
            if (sameFlags(flags, t, t - lag)) {
                matches[found++] = values[t - lag];
            }
        }
        return found >= 2 ? median(Arrays.copyOf(matches, found)) : fallback;
    }

    /** The covariates among {@code covariates} that only take the values 0 and 1. */
    public static double[][] flags(double[][] covariates) {
        return Arrays.stream(covariates)
                .filter(values -> Arrays.stream(values).allMatch(value -> value == 0 || value == 1))
                .toArray(double[][]::new);
    }

    /** The smallest multiple of {@code phase} that reaches before both {@code t} and {@code origin}. */
    private static int firstLag(int t, int origin, int phase) {
        int lag = Math.max(1, t - origin + 1);
        return (lag + phase - 1) / phase * phase;
    }

    private static boolean sameFlags(double[][] flags, int t, int other) {
        for (double[] flag : flags) {
            if (flag[t] != flag[other]) {
                return false;
            }
        }
        return true;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
