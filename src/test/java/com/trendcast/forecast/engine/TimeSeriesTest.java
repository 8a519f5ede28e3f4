package com.trendcast.forecast.engine;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeSeriesTest {

    @Test
    void frequencyStepsDatesWithoutMonthEndDrift() {
        LocalDate jan31 = LocalDate.of(2024, 1, 31);
        assertThat(Frequency.MONTH.plus(jan31, 1)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Frequency.MONTH.plus(jan31, 2)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Frequency.WEEK.plus(jan31, 2)).isEqualTo(LocalDate.of(2024, 2, 14));
        assertThat(Frequency.DAY.seasonalPeriod()).isEqualTo(7);
        assertThat(Frequency.WEEK.seasonalPeriod()).isEqualTo(52);
        assertThat(Frequency.MONTH.seasonalPeriod()).isEqualTo(12);
        assertThat(Frequency.MONTH.indexOf(jan31, LocalDate.of(2024, 3, 5))).isEqualTo(2);
        assertThatThrownBy(() -> Frequency.WEEK.indexOf(jan31, LocalDate.of(2024, 2, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seriesIsImmutableAndSlicesCovariates() {
        double[] values = {1, 2, 3, 4};
        TimeSeries series = new TimeSeries(List.of("a"), LocalDate.of(2024, 1, 1), Frequency.DAY, values)
                .withCovariate(new Covariate("price", new double[]{9, 8, 7, 6}, true))
                .withCovariate(new Covariate("traffic", new double[]{1, 1, 1, 1}, false));
        values[0] = 99;
        series.values()[1] = 99;

        assertThat(series.values()).containsExactly(1, 2, 3, 4);
        TimeSeries tail = series.slice(2, 4);
        assertThat(tail.start()).isEqualTo(LocalDate.of(2024, 1, 3));
        assertThat(tail.covariates().get("price").values()).containsExactly(7, 6);
        assertThat(series.knownCovariateValues(1, 3)).containsOnlyKeys("price");
        assertThat(series.knownCovariateValues(1, 3).get("price")).containsExactly(8, 7);
        assertThat(series.endDate()).isEqualTo(LocalDate.of(2024, 1, 4));
    }

    @Test
    void rejectsNonFiniteValuesAndMisalignedCovariates() {
        LocalDate start = LocalDate.of(2024, 1, 1);
        assertThatThrownBy(() -> new TimeSeries(List.of("a"), start, Frequency.DAY, new double[]{1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
        TimeSeries series = new TimeSeries(List.of("a"), start, Frequency.DAY, new double[]{1, 2});
        assertThatThrownBy(() -> series.withCovariate(new Covariate("p", new double[]{1}, true)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gapFillingZeroLinearAndForward() {
        // observed on days 1, 2 and 5 of January: 2, 4, 10; days 3 and 4 missing
        Map<LocalDate, Double> observations = new TreeMap<>(Map.of(
                LocalDate.of(2024, 1, 1), 2.0, LocalDate.of(2024, 1, 2), 4.0, LocalDate.of(2024, 1, 5), 10.0));
        // linear between 4 (day 2) and 10 (day 5): step (10 - 4) / 3 = 2 -> 6, 8
        assertThat(fill(observations, GapFilling.Method.ZERO)).containsExactly(2, 4, 0, 0, 10);
        assertThat(fill(observations, GapFilling.Method.LINEAR)).containsExactly(2, 4, 6, 8, 10);
        assertThat(fill(observations, GapFilling.Method.FORWARD)).containsExactly(2, 4, 4, 4, 10);
    }

    @Test
    void gapFillingSumsObservationsWithinAMonth() {
        Map<LocalDate, Double> observations = Map.of(
                LocalDate.of(2024, 1, 3), 1.0, LocalDate.of(2024, 1, 20), 2.0, LocalDate.of(2024, 3, 9), 5.0);
        TimeSeries monthly = GapFilling.regularize(List.of("m"), Frequency.MONTH, observations,
                GapFilling.Method.ZERO);
        assertThat(monthly.values()).containsExactly(3, 0, 5);
    }

    private static double[] fill(Map<LocalDate, Double> observations, GapFilling.Method method) {
        return GapFilling.regularize(List.of("a"), Frequency.DAY, observations, method).values();
    }
}
