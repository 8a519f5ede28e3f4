package com.trendcast.forecast.engine.global;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HistoryWindowsTest {

    /** Periods 0..7; period 3 is closed (its 100 must never count). */
    private static final double[] VALUES = {1, 2, 3, 100, 5, 6, 7, 8};
    private static final boolean[] OPEN = {true, true, true, false, true, true, true, true};
    private final HistoryWindows windows = new HistoryWindows(VALUES, OPEN);

    @Test
    void meanCountsOnlyOpenPeriodsBeforeTheEnd() {
        // periods 2..5 with 3 closed: (3 + 5 + 6) / 3
        assertThat(windows.mean(6, 4, -1)).isCloseTo(14.0 / 3, within(1e-12));
        // the end is exclusive: period 6 (value 7) is not read
        assertThat(windows.mean(6, 1, -1)).isEqualTo(6);
    }

    @Test
    void windowAtTheSeriesStartUsesWhatExistsOrTheFallback() {
        // a 7-wide window ending before period 2 only has periods 0 and 1
        assertThat(windows.mean(2, 7, -1)).isEqualTo(1.5);
        assertThat(windows.mean(0, 7, -1)).isEqualTo(-1);
        // only the closed period in the window
        assertThat(windows.mean(4, 1, -1)).isEqualTo(-1);
    }

    @Test
    void deviationOfOpenPeriods() {
        // periods 4..7: 5,6,7,8 -> mean 6.5, population variance (2.25+0.25+0.25+2.25)/4 = 1.25
        assertThat(windows.deviation(8, 4)).isCloseTo(Math.sqrt(1.25), within(1e-12));
        assertThat(windows.deviation(1, 4)).isZero();
    }

    @Test
    void samePhaseMeanReadsOnlyBeforeTheOrigin() {
        // t = 7, phase 2, origin 8: lags 2,4,6 -> periods 5, 3 (closed), 1 -> (6 + 2) / 2
        assertThat(windows.samePhaseMean(7, 8, 2, 3, -1)).isEqualTo(4);
        // origin 4 makes t = 7 four steps ahead: first lag 4 (rounded up to the phase) -> periods 3 (closed), 1
        assertThat(windows.samePhaseMean(7, 4, 2, 2, -1)).isEqualTo(2);
        // t = 9 past the end of the values, origin 8: lag 2 -> period 7 (8), lag 4 -> period 5 (6)
        assertThat(windows.samePhaseMean(9, 8, 2, 2, -1)).isEqualTo(7);
        assertThat(windows.samePhaseMean(1, 2, 2, 3, -1)).isEqualTo(-1);
    }
}
