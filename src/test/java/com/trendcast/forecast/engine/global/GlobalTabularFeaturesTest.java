package com.trendcast.forecast.engine.global;

import com.trendcast.forecast.engine.Covariate;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Leakage guard for the direct strategy: a training row may use no target value at or after its origin. */
class GlobalTabularFeaturesTest {

    private static final int LENGTH = 800;
    private static final int ORIGIN = 700;
    private static final int HORIZON = 28;

    @ParameterizedTest
    @CsvSource({"DAY,true", "DAY,false", "WEEK,true", "WEEK,false"})
    void rowIgnoresTargetsFromTheOriginOnAndCovariatesBeyondTheHorizon(Frequency frequency, boolean treeInputs) {
        GlobalTabularModel.Prepared original = prepared(frequency);
        GlobalTabularModel.Prepared laterChanged = changedFrom(original, ORIGIN, ORIGIN + HORIZON);
        GlobalTabularModel.Prepared earlierChanged = changedFrom(original, ORIGIN - 1, ORIGIN + HORIZON);

        for (int t = ORIGIN; t < ORIGIN + HORIZON; t++) {
            double[] row = GlobalTabularModel.features(original, t, ORIGIN, HORIZON, frequency, treeInputs);
            assertThat(GlobalTabularModel.features(laterChanged, t, ORIGIN, HORIZON, frequency, treeInputs))
                    .as("row for period %d", t).containsExactly(row);
            // the guard can fail: the last value before the origin does reach the row
            assertThat(GlobalTabularModel.features(earlierChanged, t, ORIGIN, HORIZON, frequency, treeInputs))
                    .isNotEqualTo(row);
        }
    }

    /**
     * A weekly pattern with noise and a promotion flag that switches on every few periods (at weekly frequency the
     * same numbers read as weeks, whose yearly lags then lie inside the history).
     */
    private static GlobalTabularModel.Prepared prepared(Frequency frequency) {
        Random random = new Random(5);
        double[] values = new double[LENGTH];
        double[] promo = new double[LENGTH];
        for (int t = 0; t < LENGTH; t++) {
            promo[t] = (t / 3) % 4 == 0 ? 1 : 0;
            values[t] = 100 + 30 * Math.sin(2 * Math.PI * t / 7) + 40 * promo[t] + 10 * random.nextGaussian();
        }
        TimeSeries series = new TimeSeries(List.of("s"), LocalDate.of(2002, 1, 4), frequency, values,
                Map.of("Promo", new Covariate("Promo", promo, true)));
        return GlobalTabularModel.Prepared.of(series, List.of("Promo"),
                Map.of("Promo", new double[HORIZON]), HORIZON, Set.of());
    }

    /** Scaled targets changed from {@code target} on and the covariate flipped from {@code covariate} on. */
    private static GlobalTabularModel.Prepared changedFrom(GlobalTabularModel.Prepared one, int target,
                                                           int covariate) {
        double[] scaled = one.scaled().clone();
        for (int t = target; t < scaled.length; t++) {
            scaled[t] = scaled[t] * 3 + 1;
        }
        double[][] covariates = Arrays.stream(one.covariates()).map(double[]::clone).toArray(double[][]::new);
        for (int t = covariate; t < covariates[0].length; t++) {
            covariates[0][t] = 1 - covariates[0][t];
        }
        boolean[] open = new boolean[scaled.length];
        Arrays.fill(open, true);
        return new GlobalTabularModel.Prepared(one.history(), one.scale(), scaled, covariates,
                RecentProfiles.flags(covariates), new HistoryWindows(scaled, open));
    }
}
