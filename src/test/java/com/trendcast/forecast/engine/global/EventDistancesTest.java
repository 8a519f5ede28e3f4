package com.trendcast.forecast.engine.global;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventDistancesTest {

    /** A promotion on periods 2..4. */
    private static final double[] PROMO = {0, 0, 1, 1, 1, 0, 0, 0, 0, 0};

    @Test
    void positionWithinARun() {
        assertThat(EventDistances.sinceChange(PROMO, 2, 10)).isEqualTo(1);
        assertThat(EventDistances.sinceChange(PROMO, 4, 10)).isEqualTo(3);
        assertThat(EventDistances.untilChange(PROMO, 2, 10, 10)).isEqualTo(3);
        assertThat(EventDistances.untilChange(PROMO, 4, 10, 10)).isEqualTo(1);
        // the day after the promotion
        assertThat(EventDistances.sinceChange(PROMO, 5, 10)).isEqualTo(1);
    }

    @Test
    void seriesStartAndCapLimitTheLookBack() {
        // period 1: the run started at period 0, which is all there is
        assertThat(EventDistances.sinceChange(PROMO, 1, 10)).isEqualTo(2);
        assertThat(EventDistances.sinceChange(PROMO, 9, 3)).isEqualTo(3);
    }

    @Test
    void lookAheadStopsAtWhatIsKnown() {
        // from period 0 the promotion starts at period 2, but only periods before 2 are known: censored at the cap
        assertThat(EventDistances.untilChange(PROMO, 0, 2, 7)).isEqualTo(7);
        assertThat(EventDistances.untilChange(PROMO, 0, 3, 7)).isEqualTo(2);
        // the promotion's end at period 5 is not seen with knowledge up to period 5 (exclusive)
        assertThat(EventDistances.untilChange(PROMO, 3, 5, 7)).isEqualTo(7);
        // no change until the end of the array
        assertThat(EventDistances.untilChange(PROMO, 6, 100, 7)).isEqualTo(7);
    }
}
