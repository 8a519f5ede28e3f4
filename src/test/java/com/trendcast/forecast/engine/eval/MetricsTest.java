package com.trendcast.forecast.engine.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {

    private static final double EPS = 1e-12;

    @Test
    void pointMetricsOnThreePairs() {
        // actual [1,2,3], forecast [2,2,2] -> errors (f - a) [1, 0, -1]
        // MAE = (1+0+1)/3 = 2/3; MSE = (1+0+1)/3 = 2/3; RMSE = sqrt(2/3); bias = 0/3 = 0
        // R2: mean actual 2, SST = 1+0+1 = 2, SSE = 2 -> 1 - 2/2 = 0
        // MAPE = (1/1 + 0/2 + 1/3)/3 = (4/3)/3 = 4/9
        // sMAPE = (2*1/(1+2) + 0 + 2*1/(3+2))/3 = (2/3 + 2/5)/3 = (16/15)/3 = 16/45
        // WAPE = (1+0+1)/(1+2+3) = 2/6 = 1/3
        AccuracyMetrics m = Metrics.of(new double[]{1, 2, 3}, new double[]{2, 2, 2});

        assertThat(m.count()).isEqualTo(3);
        assertThat(m.mae()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(m.mse()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(m.rmse()).isCloseTo(Math.sqrt(2.0 / 3), within(EPS));
        assertThat(m.bias()).isCloseTo(0, within(EPS));
        assertThat(m.relativeBias()).isCloseTo(0, within(EPS));
        assertThat(m.r2()).isCloseTo(0, within(EPS));
        assertThat(m.mape()).isCloseTo(4.0 / 9, within(EPS));
        assertThat(m.mapeExcluded()).isZero();
        assertThat(m.smape()).isCloseTo(16.0 / 45, within(EPS));
        assertThat(m.wape()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(m.mase()).isNaN();
        assertThat(m.coverage()).isNaN();
        assertThat(m.meanIntervalWidth()).isNaN();
    }

    @Test
    void zeroActualsAreExcludedFromMapeOnlyAndIntervalsAreScored() {
        // actual [0,4,5,1], forecast [1,3,5,3] -> errors [1,-1,0,2], |e| [1,1,0,2]
        // MAE = 4/4 = 1; MSE = (1+1+0+4)/4 = 1.5; bias = 2/4 = 0.5; mean actual = 10/4 = 2.5 -> relative 0.2
        // MAPE skips the zero actual: (1/4 + 0/5 + 2/1)/3 = 2.25/3 = 0.75, one pair excluded
        // sMAPE = (2*1/(0+1) + 2*1/(4+3) + 0 + 2*2/(1+3))/4 = (2 + 2/7 + 1)/4 = (23/7)/4 = 23/28
        // WAPE = 4/10 = 0.4
        // R2: SST = 2.5^2 + 1.5^2 + 2.5^2 + 1.5^2 = 17, SSE = 6 -> 11/17
        // MASE: history [1,3,3,5,5,7], period 2: lag-2 diffs |3-1|,|5-3|,|5-3|,|7-5| = 2 each -> scale 2,
        //       MASE = 1/2
        // intervals [0,2],[2,4],[4,6],[2,4]: 0 in, 4 in (closed), 5 in, 1 out -> coverage 3/4, width 2
        double scale = Metrics.maseScale(new double[]{1, 3, 3, 5, 5, 7}, 2);
        AccuracyMetrics m = Metrics.of(new double[]{0, 4, 5, 1}, new double[]{1, 3, 5, 3},
                new double[]{0, 2, 4, 2}, new double[]{2, 4, 6, 4}, scale);

        assertThat(scale).isCloseTo(2, within(EPS));
        assertThat(m.mae()).isCloseTo(1, within(EPS));
        assertThat(m.mse()).isCloseTo(1.5, within(EPS));
        assertThat(m.rmse()).isCloseTo(Math.sqrt(1.5), within(EPS));
        assertThat(m.bias()).isCloseTo(0.5, within(EPS));
        assertThat(m.relativeBias()).isCloseTo(0.2, within(EPS));
        assertThat(m.mape()).isCloseTo(0.75, within(EPS));
        assertThat(m.mapeExcluded()).isEqualTo(1);
        assertThat(m.smape()).isCloseTo(23.0 / 28, within(EPS));
        assertThat(m.wape()).isCloseTo(0.4, within(EPS));
        assertThat(m.r2()).isCloseTo(11.0 / 17, within(EPS));
        assertThat(m.mase()).isCloseTo(0.5, within(EPS));
        assertThat(m.coverage()).isCloseTo(0.75, within(EPS));
        assertThat(m.meanIntervalWidth()).isCloseTo(2, within(EPS));
    }

    @Test
    void maseScaleFallsBackToLagOneForHistoriesNotLongerThanASeason() {
        // history [1,3,2], period 4 is not longer than a season: lag-1 diffs |3-1|, |2-3| = 2, 1 -> 1.5
        assertThat(Metrics.maseScale(new double[]{1, 3, 2}, 4)).isCloseTo(1.5, within(EPS));
        assertThat(Metrics.maseScale(new double[]{5, 5, 5}, 1)).isNaN();
        assertThat(Metrics.maseScale(new double[]{5}, 1)).isNaN();
    }

    @Test
    void pooledAccumulatorGivesRatioOfSumsNotMeanOfRatios() {
        // series A: actual [10, 10], forecast [12, 8] -> |e| sum 4, |y| sum 20, WAPE 0.2
        // series B: actual [100], forecast [100]       -> |e| sum 0, |y| sum 100, WAPE 0
        // pooled WAPE = 4/120 = 1/30 (mean of the two ratios would be 0.1)
        // pooled R2: actuals [10,10,100], mean 40, SST = 900+900+3600 = 5400, SSE = 4+4+0 = 8 -> 1 - 8/5400
        Metrics.Accumulator a = new Metrics.Accumulator();
        a.add(10, 12, Double.NaN);
        a.add(10, 8, Double.NaN);
        Metrics.Accumulator b = new Metrics.Accumulator();
        b.add(100, 100, Double.NaN);
        a.merge(b);

        AccuracyMetrics pooled = a.result();
        assertThat(pooled.count()).isEqualTo(3);
        assertThat(pooled.wape()).isCloseTo(1.0 / 30, within(EPS));
        assertThat(pooled.r2()).isCloseTo(1 - 8.0 / 5400, within(EPS));
        assertThat(pooled.mae()).isCloseTo(4.0 / 3, within(EPS));
    }

    @Test
    void allZeroActualsLeaveRatiosUndefined() {
        AccuracyMetrics m = Metrics.of(new double[]{0, 0}, new double[]{0, 1});
        // sMAPE: first pair both zero counts 0, second 2*1/(0+1) = 2 -> mean 1
        assertThat(m.mape()).isNaN();
        assertThat(m.mapeExcluded()).isEqualTo(2);
        assertThat(m.wape()).isNaN();
        assertThat(m.r2()).isNaN();
        assertThat(m.smape()).isCloseTo(1, within(EPS));
    }
}
