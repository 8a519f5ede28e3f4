package com.trendcast.forecast.engine.model;

import com.trendcast.forecast.engine.Covariate;
import com.trendcast.forecast.engine.FittedModel;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.calendar.HolidayCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LinearCalendarModelTest {

    /** Monday first. */
    private static final double[] WEEKDAY_EFFECT = {0, 5, 10, 5, 0, 20, 30};
    private static final LocalDate MONDAY = LocalDate.of(2024, 1, 1);

    @Test
    void recoversTrendAndWeekdayPatternOnNoiseFreeData() {
        int n = 200;
        double[] values = new double[n];
        for (int t = 0; t < n; t++) {
            values[t] = 100 + 0.5 * t + WEEKDAY_EFFECT[t % 7];
        }
        TimeSeries history = new TimeSeries(List.of("sku"), MONDAY, Frequency.DAY, values);

        double[] forecast = LinearCalendarModel.create().fit(history).predict(14);

        for (int h = 0; h < 14; h++) {
            int t = n + h;
            assertThat(forecast[h]).isCloseTo(100 + 0.5 * t + WEEKDAY_EFFECT[t % 7], within(1.0));
        }
    }

    @Test
    void usesKnownInAdvanceCovariateWithFutureValues() {
        int n = 120;
        double[] promo = new double[n];
        double[] values = new double[n];
        for (int t = 0; t < n; t++) {
            promo[t] = (t * 7 % 5 == 0) ? 1 : 0;
            values[t] = 50 + 30 * promo[t];
        }
        TimeSeries history = new TimeSeries(List.of("sku"), MONDAY, Frequency.DAY, values)
                .withCovariate(new Covariate("promo", promo, true));
        FittedModel fitted = LinearCalendarModel.create().withPenalty(1e-6).fit(history);

        double[] forecast = fitted.predict(2, Map.of("promo", new double[]{1, 0}));

        assertThat(forecast[0]).isCloseTo(80, within(0.5));
        assertThat(forecast[1]).isCloseTo(50, within(0.5));
        assertThatThrownBy(() -> fitted.predict(2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void holidayFeaturesLiftForecastOnBlackFriday() {
        LocalDate start = LocalDate.of(2022, 1, 3);
        LocalDate end = LocalDate.of(2024, 10, 31);
        int n = (int) ChronoUnit.DAYS.between(start, end) + 1;
        HolidayCalendar us = HolidayCalendar.us();
        double[] values = new double[n];
        for (int t = 0; t < n; t++) {
            Set<String> events = us.eventsOn(start.plusDays(t));
            values[t] = 100 + (events.contains("BLACK_FRIDAY") ? 80 : 0) + (events.contains("CYBER_MONDAY") ? 40 : 0);
        }
        TimeSeries history = new TimeSeries(List.of("sku"), start, Frequency.DAY, values);

        double[] forecast = LinearCalendarModel.create().withHolidays(us).fit(history).predict(61);

        int blackFriday = (int) ChronoUnit.DAYS.between(end, LocalDate.of(2024, 11, 29)) - 1;
        int ordinaryDay = (int) ChronoUnit.DAYS.between(end, LocalDate.of(2024, 11, 20)) - 1;
        assertThat(forecast[blackFriday]).isGreaterThan(150);
        assertThat(forecast[ordinaryDay]).isCloseTo(100, within(10.0));
    }

    @Test
    void monthlyDummiesCaptureYearlyShape() {
        double[] shape = {80, 70, 90, 100, 110, 120, 100, 95, 105, 110, 160, 180};
        double[] values = new double[48];
        for (int t = 0; t < values.length; t++) {
            values[t] = shape[t % 12];
        }
        TimeSeries history = new TimeSeries(List.of("cat"), LocalDate.of(2020, 1, 1), Frequency.MONTH, values);

        double[] forecast = LinearCalendarModel.create().fit(history).predict(12);

        for (int h = 0; h < 12; h++) {
            assertThat(forecast[h]).isCloseTo(shape[h], within(3.0));
        }
    }

    @Test
    void tinyHistoriesStillGiveFiniteForecasts() {
        for (Frequency frequency : Frequency.values()) {
            TimeSeries one = new TimeSeries(List.of("x"), MONDAY, frequency, new double[]{7});
            assertThat(Arrays.stream(LinearCalendarModel.create().fit(one).predict(5)))
                    .allSatisfy(value -> assertThat(value).isFinite());
        }
    }
}
