package com.trendcast.forecast.engine.model;

import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.eval.Metrics;
import com.trendcast.forecast.engine.model.HoltWintersModel.Seasonality;
import com.trendcast.forecast.engine.model.HoltWintersModel.Trend;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HoltWintersModelTest {

    private static final double[] WEEK_PATTERN = {10, -5, 3, 0, -8, 6, -6};

    private static TimeSeries daily(double[] values) {
        return new TimeSeries(List.of("sku"), LocalDate.of(2022, 1, 3), Frequency.DAY, values);
    }

    /**
     * Additive Holt–Winters data-generating process in innovations form with known α = 0.3, classical β = 0.1
     * (innovation slope weight α·β = 0.03), γ = 0.2 and unit Gaussian noise. The array holds n observations
     * followed by the noise-free conditional mean of the next {@code horizon} periods.
     */
    private static double[] simulateAdditive(int n, int horizon, long seed) {
        double alpha = 0.3;
        double beta = 0.1;
        double gamma = 0.2;
        Random random = new Random(seed);
        double level = 100;
        double slope = 0.05;
        double[] season = WEEK_PATTERN.clone();
        double[] out = new double[n + horizon];
        for (int t = 0; t < n; t++) {
            double error = random.nextGaussian();
            out[t] = level + slope + season[t % 7] + error;
            level = level + slope + alpha * error;
            slope = slope + alpha * beta * error;
            season[t % 7] += gamma * error;
        }
        for (int h = 1; h <= horizon; h++) {
            out[n + h - 1] = level + h * slope + season[(n + h - 1) % 7];
        }
        return out;
    }

    @Test
    void recoversKnownParametersAndTracksTheConditionalMean() {
        int n = 7 * 150;
        int horizon = 14;
        double[] simulated = simulateAdditive(n, horizon, 42);
        HoltWintersModel.Fit fit = HoltWintersModel.of(Trend.ADDITIVE, Seasonality.ADDITIVE)
                .fit(daily(Arrays.copyOf(simulated, n)));

        assertThat(fit.alpha()).isBetween(0.22, 0.40);
        assertThat(fit.beta()).isBetween(0.03, 0.25);
        assertThat(fit.gamma()).isBetween(0.12, 0.30);
        double[] truth = Arrays.copyOfRange(simulated, n, n + horizon);
        double[] forecast = fit.predict(horizon);
        for (int h = 0; h < horizon; h++) {
            // one unit of noise; the level estimate alone is uncertain by about α·σ
            assertThat(forecast[h]).isCloseTo(truth[h], within(1.5));
        }
    }

    @Test
    void autoSelectionOnAdditiveProcessPicksAdditiveSeasonalityAndBeatsNaive() {
        int n = 7 * 150;
        int horizon = 14;
        double[] simulated = simulateAdditive(n, horizon, 7);
        TimeSeries history = daily(Arrays.copyOf(simulated, n));
        double[] truth = Arrays.copyOfRange(simulated, n, n + horizon);

        HoltWintersModel.Fit fit = HoltWintersModel.auto().fit(history);

        assertThat(fit.variant().seasonality()).isNotEqualTo(Seasonality.NONE);
        double holtWintersMae = Metrics.of(truth, fit.predict(horizon)).mae();
        double naiveMae = Metrics.of(truth, new NaiveModel().fit(history).predict(horizon)).mae();
        assertThat(holtWintersMae).isLessThan(naiveMae / 2);
    }

    @Test
    void pureSeasonalPatternIsForecastAlmostExactlyAndBeatsNaive() {
        double[] values = new double[70];
        for (int t = 0; t < values.length; t++) {
            values[t] = 50 + WEEK_PATTERN[t % 7];
        }
        double[] truth = new double[14];
        for (int h = 0; h < truth.length; h++) {
            truth[h] = 50 + WEEK_PATTERN[(70 + h) % 7];
        }
        TimeSeries history = daily(values);

        double[] forecast = HoltWintersModel.auto().fit(history).predict(14);

        double naiveMae = Metrics.of(truth, new NaiveModel().fit(history).predict(14)).mae();
        assertThat(Metrics.of(truth, forecast).mae()).isLessThan(0.1).isLessThan(naiveMae);
    }

    @Test
    void multiplicativeSeasonalityIsChosenForGrowingAmplitude() {
        double[] factors = {1.5, 0.7, 1.0, 0.9, 0.6, 1.3, 1.0};
        Random random = new Random(3);
        double[] values = new double[7 * 60];
        for (int t = 0; t < values.length; t++) {
            values[t] = (100 + 2 * t) * factors[t % 7] * (1 + 0.01 * random.nextGaussian());
        }
        HoltWintersModel.Fit fit = HoltWintersModel.auto().fit(daily(values));
        assertThat(fit.variant().seasonality()).isEqualTo(Seasonality.MULTIPLICATIVE);
    }

    @Test
    void multiplicativeIsNeverUsedForDataWithZeros() {
        double[] values = new double[28];
        for (int t = 0; t < values.length; t++) {
            values[t] = t % 7 == 0 ? 0 : 10 + t % 7;
        }
        assertThat(HoltWintersModel.auto().fit(daily(values)).variant().seasonality())
                .isEqualTo(Seasonality.ADDITIVE);
        assertThat(HoltWintersModel.of(Trend.NONE, Seasonality.MULTIPLICATIVE).fit(daily(values)).variant()
                .seasonality()).isEqualTo(Seasonality.ADDITIVE);
    }

    @Test
    void shortHistoriesFallBackToNonSeasonalSmoothing() {
        double[] tenDays = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        HoltWintersModel.Fit holt = HoltWintersModel.auto().fit(daily(tenDays));
        assertThat(holt.variant().seasonality()).isEqualTo(Seasonality.NONE);
        // a perfect line is continued
        assertThat(holt.predict(2)[0]).isCloseTo(11, within(0.2));

        HoltWintersModel.Fit ses = HoltWintersModel.auto().fit(daily(new double[]{5, 7}));
        assertThat(ses.variant()).isEqualTo(new HoltWintersModel.Variant(Trend.NONE, Seasonality.NONE));
        assertThat(Arrays.stream(ses.predict(3))).allSatisfy(value -> assertThat(value).isBetween(5.0, 7.0));

        assertThat(HoltWintersModel.auto().fit(daily(new double[]{4})).predict(2)).containsExactly(4, 4);
    }

    @Test
    void forecastsStayFiniteOnDegenerateSeries() {
        double[] constant = new double[30];
        Arrays.fill(constant, 3);
        double[] zeros = new double[30];
        double[] spike = new double[30];
        spike[29] = 1e12;
        for (double[] values : List.of(constant, zeros, spike)) {
            assertThat(Arrays.stream(HoltWintersModel.auto().fit(daily(values)).predict(60))).allSatisfy(value ->
                    assertThat(value).isFinite());
        }
        assertThat(Arrays.stream(HoltWintersModel.auto().fit(daily(constant)).predict(3)))
                .allSatisfy(value -> assertThat(value).isCloseTo(3, within(1e-6)));
    }

    @Test
    void dampedTrendFlattensOut() {
        double[] values = new double[40];
        for (int t = 0; t < values.length; t++) {
            values[t] = 10 + t + (t % 2 == 0 ? 0.3 : -0.3);
        }
        HoltWintersModel.Fit damped = HoltWintersModel.of(Trend.DAMPED, Seasonality.NONE).fit(daily(values));
        double[] forecast = damped.predict(200);
        assertThat(damped.phi()).isBetween(0.8, 0.98);
        assertThat(forecast[199] - forecast[198]).isLessThan(forecast[1] - forecast[0]);
    }
}
