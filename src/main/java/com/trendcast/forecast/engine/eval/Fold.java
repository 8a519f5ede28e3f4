package com.trendcast.forecast.engine.eval;

/**
 * One backtest split of a series: training on periods {@code [0, origin)}, testing on
 * {@code [origin, origin + horizon)}.
 *
 * @param index  0 for the earliest fold
 * @param origin first test period, equal to the training length
 * @param horizon number of test periods
 */
public record Fold(int index, int origin, int horizon) {

    public int testEnd() {
        return origin + horizon;
    }
}
