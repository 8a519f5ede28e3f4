package com.trendcast.pipeline.spec;

import java.util.List;
import java.util.Set;

/**
 * The features a pipeline derives for each period.
 *
 * @param lags               periods back of the target, each at least 1
 * @param rollingMeanWindows window lengths of trailing means of the target, each at least 2
 * @param rollingStdWindows  window lengths of trailing standard deviations of the target, each at least 2
 * @param calendar           calendar positions
 * @param holidays           holiday calendars whose events are flagged
 * @param covariates         stored drivers carried along
 */
public record FeatureSelection(List<Integer> lags, List<Integer> rollingMeanWindows, List<Integer> rollingStdWindows,
                               Set<CalendarFeature> calendar, Set<HolidayRegion> holidays,
                               List<CovariateChoice> covariates) {

    public FeatureSelection {
        lags = lags == null ? List.of() : List.copyOf(lags);
        rollingMeanWindows = rollingMeanWindows == null ? List.of() : List.copyOf(rollingMeanWindows);
        rollingStdWindows = rollingStdWindows == null ? List.of() : List.copyOf(rollingStdWindows);
        calendar = calendar == null ? Set.of() : Set.copyOf(calendar);
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
    }

    /** The longest look-back of any lag or window: the history a row needs before its features are complete. */
    public int longestLookBack() {
        int longest = 0;
        for (List<Integer> lengths : List.of(lags, rollingMeanWindows, rollingStdWindows)) {
            for (int length : lengths) {
                longest = Math.max(longest, length);
            }
        }
        return longest;
    }
}
