package com.trendcast.bench;

import com.trendcast.forecast.engine.ForecastModel;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.eval.BacktestResult;
import com.trendcast.forecast.engine.eval.RollingOriginBacktest;
import com.trendcast.forecast.engine.model.HoltWintersModel;
import com.trendcast.forecast.engine.model.LinearCalendarModel;
import com.trendcast.forecast.engine.model.MovingAverageModel;
import com.trendcast.forecast.engine.model.NaiveModel;
import com.trendcast.forecast.engine.model.SeasonalNaiveModel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * All baselines in a 3-fold, 28-day rolling-origin backtest on 500 daily series of five years.
 * Run: {@code ./mvnw -o test -Dtest=BaselineBacktestBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludes=none}
 * Prints each model's seconds and its ratio to the naive model measured in the same run.
 */
class BaselineBacktestBenchmark {

    @Test
    void baselinesOn500DailySeries() {
        List<TimeSeries> series = syntheticRetailSeries(500, 5 * 365 + 1, 11);
        List<ForecastModel> models = List.of(new NaiveModel(), new SeasonalNaiveModel(), MovingAverageModel.auto(),
                HoltWintersModel.auto(), LinearCalendarModel.create());
        RollingOriginBacktest backtest = RollingOriginBacktest.of(3, 28);
        double naiveSeconds = Double.NaN;
        double total = 0;
        for (ForecastModel model : models) {
            long started = System.nanoTime();
            BacktestResult result = backtest.run(series, List.of(model));
            double wape = result.score(model.name()).overall().wape();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (Double.isNaN(naiveSeconds)) {
                naiveSeconds = seconds;
            }
            total += seconds;
            System.out.printf("%-20s %7.2f s  (%6.1fx naive)  WAPE %.4f%n", model.name(), seconds, seconds / naiveSeconds, wape);
        }
        System.out.printf("all baselines        %7.2f s%n", total);
    }

    static List<TimeSeries> syntheticRetailSeries(int count, int length, long seed) {
        Random random = new Random(seed);
        List<TimeSeries> series = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            double level = 10 + random.nextDouble() * 1000;
            double[] values = new double[length];
            for (int t = 0; t < length; t++) {
                double weekly = 1 + 0.2 * Math.sin(2 * Math.PI * t / 7);
                double yearly = 1 + 0.3 * Math.sin(2 * Math.PI * t / 365.25);
                values[t] = Math.max(0, level * weekly * yearly + random.nextGaussian() * level * 0.1);
            }
            series.add(new TimeSeries(List.of("s" + s), LocalDate.of(2019, 1, 1), Frequency.DAY, values));
        }
        return series;
    }
}
