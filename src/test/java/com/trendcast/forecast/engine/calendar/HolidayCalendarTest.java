package com.trendcast.forecast.engine.calendar;

import com.trendcast.forecast.engine.Frequency;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HolidayCalendarTest {

    private final HolidayCalendar us = HolidayCalendar.us();
    private final HolidayCalendar uk = HolidayCalendar.uk();
    private final HolidayCalendar china = HolidayCalendar.china();

    @Test
    void easterByAnonymousGregorianAlgorithm() {
        assertThat(Easter.sunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Easter.sunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(Easter.sunday(2019)).isEqualTo(LocalDate.of(2019, 4, 21));
        assertThat(Easter.sunday(2000)).isEqualTo(LocalDate.of(2000, 4, 23));
        assertThat(Easter.sunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }

    @Test
    void usRetailDates2024() {
        assertThat(us.eventsOn(LocalDate.of(2024, 11, 28))).containsExactly("THANKSGIVING");
        assertThat(us.eventsOn(LocalDate.of(2024, 11, 29))).containsExactly("BLACK_FRIDAY");
        assertThat(us.eventsOn(LocalDate.of(2024, 12, 2))).containsExactly("CYBER_MONDAY");
        assertThat(us.eventsOn(LocalDate.of(2024, 1, 15))).containsExactly("MLK_DAY");
        assertThat(us.eventsOn(LocalDate.of(2024, 2, 19))).containsExactly("PRESIDENTS_DAY");
        assertThat(us.eventsOn(LocalDate.of(2024, 5, 27))).containsExactly("MEMORIAL_DAY");
        assertThat(us.eventsOn(LocalDate.of(2024, 9, 2))).containsExactly("LABOR_DAY");
        assertThat(us.eventsOn(LocalDate.of(2024, 7, 4))).containsExactly("INDEPENDENCE_DAY");
        assertThat(us.eventsOn(LocalDate.of(2024, 12, 25))).containsExactly("CHRISTMAS");
        assertThat(us.eventsOn(LocalDate.of(2024, 12, 24))).isEmpty();
    }

    @Test
    void usWeekendHolidaysAreObservedOnNeighbouringWeekday() {
        // 4 July 2026 is a Saturday -> observed Friday 3 July; 1 January 2022 is a Saturday -> Friday 31 Dec 2021
        assertThat(us.eventsOn(LocalDate.of(2026, 7, 3))).containsExactly("OBSERVED");
        assertThat(us.eventsOn(LocalDate.of(2021, 12, 31))).containsExactly("OBSERVED");
        // Christmas 2022 is a Sunday -> observed Monday 26 December
        assertThat(us.eventsOn(LocalDate.of(2022, 12, 26))).containsExactly("OBSERVED");
    }

    @Test
    void ukBankHolidays2024() {
        assertThat(uk.eventsOn(LocalDate.of(2024, 1, 1))).containsExactly("NEW_YEAR");
        assertThat(uk.eventsOn(LocalDate.of(2024, 3, 29))).containsExactly("GOOD_FRIDAY");
        assertThat(uk.eventsOn(LocalDate.of(2024, 4, 1))).containsExactly("EASTER_MONDAY");
        assertThat(uk.eventsOn(LocalDate.of(2024, 5, 6))).containsExactly("EARLY_MAY");
        assertThat(uk.eventsOn(LocalDate.of(2024, 5, 27))).containsExactly("SPRING");
        assertThat(uk.eventsOn(LocalDate.of(2024, 8, 26))).containsExactly("SUMMER");
        assertThat(uk.eventsOn(LocalDate.of(2024, 12, 25))).containsExactly("CHRISTMAS");
        assertThat(uk.eventsOn(LocalDate.of(2024, 12, 26))).containsExactly("BOXING_DAY");
    }

    @Test
    void ukSubstituteDaysFollowGovUk() {
        // 2021: Christmas Saturday, Boxing Day Sunday -> substitutes Monday 27 and Tuesday 28 December
        assertThat(uk.eventsOn(LocalDate.of(2021, 12, 27))).containsExactly("SUBSTITUTE_DAY");
        assertThat(uk.eventsOn(LocalDate.of(2021, 12, 28))).containsExactly("SUBSTITUTE_DAY");
        // 2022: Christmas Sunday -> Boxing Day Monday 26 stays, Christmas substitute Tuesday 27
        assertThat(uk.eventsOn(LocalDate.of(2022, 12, 26))).containsExactly("BOXING_DAY");
        assertThat(uk.eventsOn(LocalDate.of(2022, 12, 27))).containsExactly("SUBSTITUTE_DAY");
        // 2022: New Year Saturday -> substitute Monday 3 January
        assertThat(uk.eventsOn(LocalDate.of(2022, 1, 3))).containsExactly("SUBSTITUTE_DAY");
        // 2020: Boxing Day Saturday -> substitute Monday 28 December
        assertThat(uk.eventsOn(LocalDate.of(2020, 12, 28))).containsExactly("SUBSTITUTE_DAY");
    }

    @Test
    void chinaSpringFestivalAndShoppingDays() {
        assertThat(china.eventsOn(LocalDate.of(2024, 2, 10))).contains("SPRING_FESTIVAL", "SPRING_FESTIVAL_WEEK");
        assertThat(china.eventsOn(LocalDate.of(2025, 1, 29))).contains("SPRING_FESTIVAL");
        assertThat(china.eventsOn(LocalDate.of(2025, 1, 28))).containsExactly("SPRING_FESTIVAL_WEEK");
        assertThat(china.eventsOn(LocalDate.of(2025, 2, 3))).containsExactly("SPRING_FESTIVAL_WEEK");
        assertThat(china.eventsOn(LocalDate.of(2025, 2, 4))).isEmpty();
        assertThat(china.eventsOn(LocalDate.of(2024, 6, 18))).containsExactly("SALE_618");
        assertThat(china.eventsOn(LocalDate.of(2024, 11, 11))).containsExactly("DOUBLE_11");
        assertThat(china.eventsOn(LocalDate.of(2024, 12, 12))).containsExactly("DOUBLE_12");
        assertThat(china.eventsOn(LocalDate.of(2024, 10, 7))).containsExactly("NATIONAL_DAY");
        assertThat(china.eventsOn(LocalDate.of(2024, 10, 8))).isEmpty();
        assertThat(china.eventsOn(LocalDate.of(2024, 1, 1))).containsExactly("NEW_YEAR");
        assertThat(ChinaCalendar.springFestival(2010)).isEqualTo(LocalDate.of(2010, 2, 14));
        assertThat(ChinaCalendar.springFestival(2030)).isEqualTo(LocalDate.of(2030, 2, 3));
        assertThatThrownBy(() -> ChinaCalendar.springFestival(2031)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flagsAndPeriodCountsFollowEventNameOrder() {
        double[] flags = us.flags(LocalDate.of(2024, 11, 29));
        assertThat(flags[us.eventNames().indexOf("BLACK_FRIDAY")]).isEqualTo(1);
        assertThat(java.util.Arrays.stream(flags).sum()).isEqualTo(1);
        // the week from Monday 25 Nov 2024 holds Thanksgiving and Black Friday; Cyber Monday starts the next
        double[] week = us.eventDays(LocalDate.of(2024, 11, 25), Frequency.WEEK);
        assertThat(week[us.eventNames().indexOf("THANKSGIVING")]).isEqualTo(1);
        assertThat(week[us.eventNames().indexOf("BLACK_FRIDAY")]).isEqualTo(1);
        assertThat(week[us.eventNames().indexOf("CYBER_MONDAY")]).isZero();
        // October 2024 holds the seven National Day days
        double[] october = china.eventDays(LocalDate.of(2024, 10, 1), Frequency.MONTH);
        assertThat(october[china.eventNames().indexOf("NATIONAL_DAY")]).isEqualTo(7);
    }
}
