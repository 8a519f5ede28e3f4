package com.trendcast.forecast.engine.calendar;

import com.trendcast.forecast.engine.Frequency;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CalendarFeaturesTest {

    @Test
    void ordinalsOfAKnownDate() {
        // 2024-12-30 is a Monday in ISO week 1 of 2025, day 365 of the leap year 2024
        CalendarFeatures features = CalendarFeatures.of(LocalDate.of(2024, 12, 30));
        assertThat(features).isEqualTo(new CalendarFeatures(1, 1, 12, 365));
    }

    @Test
    void cyclicEncodingsPlaceEndsOfCycleTogether() {
        // Monday is angle 0 -> (sin 0, cos 1); Thursday is 3/7 of the way round
        CalendarFeatures monday = CalendarFeatures.of(LocalDate.of(2024, 1, 1));
        assertThat(monday.dayOfWeekSin()).isCloseTo(0, within(1e-12));
        assertThat(monday.dayOfWeekCos()).isCloseTo(1, within(1e-12));
        CalendarFeatures thursday = CalendarFeatures.of(LocalDate.of(2024, 1, 4));
        assertThat(thursday.dayOfWeekSin()).isCloseTo(Math.sin(6 * Math.PI / 7), within(1e-12));
        // April is month 4 -> angle 2π·3/12 = π/2 -> (1, 0)
        CalendarFeatures april = CalendarFeatures.of(LocalDate.of(2024, 4, 15));
        assertThat(april.monthSin()).isCloseTo(1, within(1e-12));
        assertThat(april.monthCos()).isCloseTo(0, within(1e-12));
        // December and January are neighbours on the circle
        double decToJan = Math.hypot(
                CalendarFeatures.of(LocalDate.of(2024, 12, 1)).monthSin() - monday.monthSin(),
                CalendarFeatures.of(LocalDate.of(2024, 12, 1)).monthCos() - monday.monthCos());
        assertThat(decToJan).isCloseTo(2 * Math.sin(Math.PI / 12), within(1e-12));
    }

    @Test
    void encodingMatchesNamesPerFrequency() {
        for (Frequency frequency : Frequency.values()) {
            assertThat(CalendarFeatures.encode(LocalDate.of(2024, 5, 5), frequency))
                    .hasSize(CalendarFeatures.encodingNames(frequency).size());
        }
    }

    @Test
    void fourierTermsWritePairs() {
        double[] out = new double[5];
        // t = 0.25 of a period: k=1 -> (sin π/2, cos π/2) = (1, 0); k=2 -> (sin π, cos π) = (0, -1)
        CalendarFeatures.fourier(0.25, 1, 2, out, 1);
        assertThat(out[0]).isZero();
        assertThat(out[1]).isCloseTo(1, within(1e-12));
        assertThat(out[2]).isCloseTo(0, within(1e-12));
        assertThat(out[3]).isCloseTo(0, within(1e-12));
        assertThat(out[4]).isCloseTo(-1, within(1e-12));
    }
}
