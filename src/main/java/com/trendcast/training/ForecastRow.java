package com.trendcast.training;

import java.time.LocalDate;
import java.util.List;

/** One forecast period of one series, with its prediction interval. */
public record ForecastRow(List<String> seriesKey, LocalDate date, double forecast, double lower, double upper) {
}
