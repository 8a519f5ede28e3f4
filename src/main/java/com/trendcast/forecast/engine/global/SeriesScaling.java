package com.trendcast.forecast.engine.global;

import com.trendcast.forecast.engine.Frequency;

/** How global models make series of very different size comparable. */
public final class SeriesScaling {

    private SeriesScaling() {
    }

    /** Periods from one date to the same weekday or period a year earlier: 364 days, 52 weeks, 12 months. */
    public static int yearLag(Frequency frequency) {
        return switch (frequency) {
            case DAY -> 364;
            case WEEK -> 52;
            case MONTH -> 12;
        };
    }

    /**
     * Mean of the non-zero magnitudes over the last year (over all of the history when the last year has
     * none); 1 for a series that never sold. Zeros are left out because they mostly mean "closed", not "slow".
     */
    public static double scale(double[] values, Frequency frequency) {
        double sum = 0;
        int count = 0;
        for (int t = Math.max(0, values.length - yearLag(frequency)); t < values.length; t++) {
            if (values[t] != 0) {
                sum += Math.abs(values[t]);
                count++;
            }
        }
        if (count == 0) {
            for (double value : values) {
                if (value != 0) {
                    sum += Math.abs(value);
                    count++;
                }
            }
        }
        return count > 0 ? sum / count : 1;
    }
}
