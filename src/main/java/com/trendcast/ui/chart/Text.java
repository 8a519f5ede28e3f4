package com.trendcast.ui.chart;

/** The {@code {text: ...}} shape ApexCharts uses for titles, axis titles and the no-data message. */
record Text(String text) {
}
