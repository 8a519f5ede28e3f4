package com.trendcast.forecast.engine.global;

import com.trendcast.forecast.engine.Covariate;
import com.trendcast.forecast.engine.TimeSeries;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds covariates that say whether anything can sell, such as a store's {@code Open} flag: 0/1 everywhere,
 * zero at least once, and wherever they are zero the target is zero too, in every series.
 */
public final class OpenIndicators {

    private OpenIndicators() {
    }

    /** Names of the known-in-advance covariates of {@code series} that behave as open indicators. */
    public static Set<String> detect(List<TimeSeries> series) {
        if (series.isEmpty()) {
            return Set.of();
        }
        Set<String> candidates = new LinkedHashSet<>();
        series.get(0).covariates().values().stream().filter(Covariate::knownInAdvance)
                .forEach(covariate -> candidates.add(covariate.name()));
        Set<String> zeroSeen = new HashSet<>();
        for (TimeSeries one : series) {
            for (Covariate covariate : one.covariates().values()) {
                for (int t = 0; t < one.length() && candidates.contains(covariate.name()); t++) {
                    double value = covariate.valueAt(t);
                    if ((value != 0 && value != 1) || (value == 0 && one.valueAt(t) != 0)) {
                        candidates.remove(covariate.name());
                    } else if (value == 0) {
                        zeroSeen.add(covariate.name());
                    }
                }
            }
        }
        candidates.retainAll(zeroSeen);
        return candidates;
    }
}
