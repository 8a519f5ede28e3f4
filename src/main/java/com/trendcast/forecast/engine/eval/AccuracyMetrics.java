package com.trendcast.forecast.engine.eval;

/**
 * Forecast accuracy over a set of (actual, forecast) pairs. Errors are {@code forecast - actual}, so a positive
 * bias means over-forecasting. Ratios are fractions (0.12 means 12%). A metric that is undefined for the data,
 * such as MAPE when every actual is zero or coverage without intervals, is {@code NaN}.
 *
 * @param count             number of pairs
 * @param mse               mean squared error
 * @param rmse              root mean squared error
 * @param mae               mean absolute error
 * @param r2                1 - SSE/SST around the mean of the actuals
 * @param mape              mean of |error| / |actual| over the pairs with a non-zero actual
 * @param mapeExcluded      pairs left out of MAPE because the actual was zero
 * @param smape             mean of 2|error| / (|actual| + |forecast|), counting 0 where both are zero
 * @param wape              sum |error| / sum |actual|
 * @param mase              mean absolute error scaled by the in-sample seasonal-naive MAE of each series
 * @param bias              mean error
 * @param relativeBias      bias / mean actual
 * @param coverage          share of actuals inside their prediction interval
 * @param meanIntervalWidth mean of upper - lower
 */
public record AccuracyMetrics(long count, double mse, double rmse, double mae, double r2, double mape,
                              long mapeExcluded, double smape, double wape, double mase, double bias,
                              double relativeBias, double coverage, double meanIntervalWidth) {
}
