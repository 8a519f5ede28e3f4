package com.trendcast.pipeline.spec;

import com.trendcast.common.UserFacingException;
import com.trendcast.forecast.engine.Covariate;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FeatureBuilderTest {

    private static final double EPS = 1e-9;
    /** A Monday, and the day of the 双11 sale. */
    private static final LocalDate DOUBLE_11 = LocalDate.of(2024, 11, 11);

    @Test
    void lagsAndTrailingWindowsLookOnlyAtEarlierPeriods() {
        FeatureSelection features = new FeatureSelection(List.of(1, 2), List.of(2), List.of(2), Set.of(), Set.of(),
                List.of());
        FeatureSet set = new FeatureBuilder(Specs.daily(features, Specs.plain(), 10))
                .build(List.of(series(1, 2, 3, 4, 10)));

        assertThat(set.columns()).containsExactly("lag_1", "lag_2", "roll_mean_2", "roll_std_2");
        FeatureRow first = set.rows().get(0);
        assertThat(set.value(first, "lag_1")).isNaN();
        assertThat(set.value(first, "roll_mean_2")).isNaN();
        FeatureRow third = set.rows().get(2);
        assertThat(third.target()).isEqualTo(3);
        assertThat(set.value(third, "lag_1")).isEqualTo(2);
        assertThat(set.value(third, "lag_2")).isEqualTo(1);
        assertThat(set.value(third, "roll_mean_2")).isEqualTo(1.5);
        // sample standard deviation of {1, 2}: sqrt(((-0.5)^2 + 0.5^2) / 1)
        assertThat(set.value(third, "roll_std_2")).isCloseTo(Math.sqrt(0.5), within(EPS));
        FeatureRow last = set.rows().get(4);
        assertThat(set.value(last, "roll_mean_2")).isEqualTo(3.5);
        assertThat(set.rows()).hasSize(5).allSatisfy(row -> assertThat(row.seriesKey()).containsExactly("total"));
    }

    @Test
    void calendarOrdinalsAndCyclicEncodingsOfKnownDates() {
        FeatureSelection features = new FeatureSelection(List.of(), List.of(), List.of(),
                Set.of(CalendarFeature.DAY_OF_WEEK, CalendarFeature.WEEK_OF_YEAR, CalendarFeature.MONTH,
                        CalendarFeature.CYCLIC), Set.of(), List.of());
        FeatureSet set = new FeatureBuilder(Specs.daily(features, Specs.plain(), 10)).build(List.of(series(5, 5)));

        assertThat(set.columns()).containsExactly("dow", "dow_sin", "dow_cos", "woy", "woy_sin", "woy_cos",
                "month", "month_sin", "month_cos");
        FeatureRow monday = set.rows().get(0);
        assertThat(set.value(monday, "dow")).isEqualTo(1);
        assertThat(set.value(monday, "dow_sin")).isCloseTo(0, within(EPS));
        assertThat(set.value(monday, "dow_cos")).isCloseTo(1, within(EPS));
        assertThat(set.value(monday, "woy")).isEqualTo(46);
        // November is month 11: angle 2π·10/12 = 5π/3
        assertThat(set.value(monday, "month")).isEqualTo(11);
        assertThat(set.value(monday, "month_sin")).isCloseTo(-Math.sqrt(3) / 2, within(EPS));
        assertThat(set.value(monday, "month_cos")).isCloseTo(0.5, within(EPS));
        FeatureRow tuesday = set.rows().get(1);
        assertThat(set.value(tuesday, "dow_sin")).isCloseTo(Math.sin(2 * Math.PI / 7), within(EPS));
    }

    @Test
    void double11IsFlaggedOnItsDayAndCountedInItsWeek() {
        FeatureSelection features = new FeatureSelection(List.of(), List.of(), List.of(), Set.of(),
                Set.of(HolidayRegion.CN, HolidayRegion.US), List.of());
        FeatureSet daily = new FeatureBuilder(Specs.daily(features, Specs.plain(), 10)).build(List.of(series(1, 1)));

        assertThat(daily.columns()).contains("cn_double_11", "cn_sale_618", "us_black_friday", "us_cyber_monday");
        assertThat(daily.value(daily.rows().get(0), "cn_double_11")).isEqualTo(1);
        assertThat(daily.value(daily.rows().get(1), "cn_double_11")).isZero();
        assertThat(daily.value(daily.rows().get(0), "us_black_friday")).isZero();

        PipelineSpec weeklySpec = new PipelineSpec(PipelineSpec.CURRENT_SCHEMA_VERSION, 1, Target.UNITS, Level.TOTAL,
                SeriesFilter.all(), Frequency.WEEK, Aggregation.SUM, 1, 10, features, Specs.plain());
        TimeSeries weeks = new TimeSeries(List.of("total"), LocalDate.of(2024, 11, 25), Frequency.WEEK,
                new double[]{1, 1, 1});
        FeatureSet weekly = new FeatureBuilder(weeklySpec).build(List.of(weeks));
        // week of 2024-11-25 holds Black Friday (29th); the next week starts on Cyber Monday; 2024-12-09 holds 双12
        assertThat(weekly.value(weekly.rows().get(0), "us_black_friday")).isEqualTo(1);
        assertThat(weekly.value(weekly.rows().get(1), "us_cyber_monday")).isEqualTo(1);
        assertThat(weekly.value(weekly.rows().get(2), "cn_double_12")).isEqualTo(1);
    }

    @Test
    void covariatesAreCarriedAsColumns() {
        FeatureSelection features = new FeatureSelection(List.of(), List.of(), List.of(), Set.of(), Set.of(),
                List.of(new CovariateChoice(DataCovariate.AVG_PRICE, true)));
        TimeSeries withPrice = series(1, 2).withCovariate(new Covariate("avg_price", new double[]{9.5, 8}, true));

        FeatureSet set = new FeatureBuilder(Specs.daily(features, Specs.plain(), 10)).build(List.of(withPrice));

        assertThat(set.value(set.rows().get(1), "avg_price")).isEqualTo(8);
        assertThat(set.series().get(0).treated().covariates()).containsKey("avg_price");
    }

    @Test
    void iqrClippingUsesInterpolatedQuartiles() {
        // quartiles of 1,2,3,4,100: Q1 = 2, Q3 = 4, IQR = 2, so k = 1.5 keeps [-1, 7]
        TreatedSeries treated = new FeatureBuilder(Specs.daily(Specs.lagsOnly(1),
                Specs.clipped(OutlierClipping.iqr(1.5)), 10)).treat(series(1, 2, 3, 4, 100));

        assertThat(treated.clipping().lower()).isEqualTo(-1);
        assertThat(treated.clipping().upper()).isEqualTo(7);
        assertThat(treated.clipping().clipped()).isEqualTo(1);
        assertThat(treated.treated().values()).containsExactly(1, 2, 3, 4, 7);
        assertThat(treated.raw().values()).containsExactly(1, 2, 3, 4, 100);
    }

    @Test
    void zScoreClippingUsesMeanAndStandardDeviation() {
        // mean 2, population sd sqrt((4·1 + 16) / 5) = 2, so z = 1 keeps [0, 4]
        TreatedSeries treated = new FeatureBuilder(Specs.daily(Specs.lagsOnly(1),
                Specs.clipped(OutlierClipping.zScore(1)), 10)).treat(series(1, 1, 1, 1, 6));

        assertThat(treated.clipping().lower()).isCloseTo(0, within(EPS));
        assertThat(treated.clipping().upper()).isCloseTo(4, within(EPS));
        assertThat(treated.treated().values()).containsExactly(1, 1, 1, 1, 4);
    }

    @Test
    void minMaxScalingAndItsInverse() {
        TreatedSeries treated = treat(Scaling.MIN_MAX, 2, 4, 6);

        assertThat(treated.treated().values()).containsExactly(0, 0.5, 1);
        assertThat(treated.scaling().invert(treated.treated().values())).containsExactly(2, 4, 6);
    }

    @Test
    void standardScalingAndItsInverse() {
        // mean 4, population sd sqrt(8 / 3)
        TreatedSeries treated = treat(Scaling.STANDARD, 2, 4, 6);
        double sd = Math.sqrt(8.0 / 3);

        assertThat(treated.scaling().offset()).isEqualTo(4);
        assertThat(treated.scaling().divisor()).isCloseTo(sd, within(EPS));
        assertThat(treated.treated().valueAt(2)).isCloseTo(2 / sd, within(EPS));
        assertThat(treated.scaling().invert(treated.treated().valueAt(0))).isCloseTo(2, within(EPS));
    }

    @Test
    void log1pScalingAndItsInverse() {
        TreatedSeries treated = treat(Scaling.LOG1P, 0, Math.E - 1);

        assertThat(treated.treated().valueAt(0)).isZero();
        assertThat(treated.treated().valueAt(1)).isCloseTo(1, within(EPS));
        assertThat(treated.scaling().invert(1)).isCloseTo(Math.E - 1, within(EPS));
    }

    @Test
    void log1pRefusesValuesAtOrBelowMinusOne() {
        assertThatThrownBy(() -> treat(Scaling.LOG1P, 3, -2))
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("pipeline.scaling.log1pDomain");
    }

    @Test
    void constantSeriesScaleToZerosInsteadOfDividingByZero() {
        assertThat(treat(Scaling.MIN_MAX, 5, 5).treated().values()).containsExactly(0, 0);
        assertThat(treat(Scaling.STANDARD, 5, 5).treated().values()).containsExactly(0, 0);
    }

    @Test
    void onlyTheHistoryWindowIsKeptAndScaledOnItsOwnValues() {
        TreatedSeries treated = new FeatureBuilder(Specs.daily(Specs.lagsOnly(1), Specs.scaled(Scaling.MIN_MAX), 3))
                .treat(series(100, 1, 2, 3));

        assertThat(treated.raw().start()).isEqualTo(DOUBLE_11.plusDays(1));
        assertThat(treated.raw().values()).containsExactly(1, 2, 3);
        assertThat(treated.treated().values()).containsExactly(0, 0.5, 1);
    }

    private static TreatedSeries treat(Scaling scaling, double... values) {
        return new FeatureBuilder(Specs.daily(Specs.lagsOnly(1), Specs.scaled(scaling), 10)).treat(series(values));
    }

    private static TimeSeries series(double... values) {
        return new TimeSeries(List.of("total"), DOUBLE_11, Frequency.DAY, values, Map.of());
    }
}
