package com.trendcast.bench;

import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.lstm.LstmGlobalModel;
import com.trendcast.forecast.engine.lstm.TrainedLstm;
import com.trendcast.forecast.engine.lstm.TrainingControl;
import com.trendcast.forecast.engine.model.SeasonalNaiveModel;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The LSTM at the scale: the default network trained on 500 daily series of five years for a 90-day
 * horizon (target: under 15 minutes with {@code OMP_NUM_THREADS=1}), then forecasting all 500 series x 90 days
 * with the trained model (target: under 5 s), against seasonal naive forecasting the same panel in the same run.
 * Run: {@code OMP_NUM_THREADS=1 ./mvnw -o test -Dtest=LstmScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludes=none}
 */
class LstmScaleBenchmark {

    private static final int SERIES = 500;
    private static final int HORIZON = 90;

    @Test
    void trainAndForecast500DailySeries() {
        List<TimeSeries> panel = BaselineBacktestBenchmark.syntheticRetailSeries(SERIES, 5 * 365 + 1, 11);
        List<Map<String, double[]>> noCovariates = Collections.nCopies(SERIES, Map.of());

        long fitStarted = System.nanoTime();
        TrainedLstm trained = new LstmGlobalModel(LstmGlobalModel.Settings.defaults())
                .fit(panel, HORIZON, noCovariates, TrainingControl.none());
        double fitSeconds = (System.nanoTime() - fitStarted) / 1e9;

        long forecastStarted = System.nanoTime();
        List<double[]> forecasts = trained.forecast(panel, noCovariates);
        double forecastSeconds = (System.nanoTime() - forecastStarted) / 1e9;

        SeasonalNaiveModel naive = new SeasonalNaiveModel();
        long naiveStarted = System.nanoTime();
        for (TimeSeries series : panel) {
            naive.fit(series).predict(HORIZON);
        }
        double naiveSeconds = (System.nanoTime() - naiveStarted) / 1e9;

        System.out.printf("LSTM fit             %8.1f s (%d epochs, %d series x %d days, horizon %d)%n", fitSeconds,
                trained.epochs(), SERIES, panel.get(0).length(), HORIZON);
        System.out.printf("LSTM forecast        %8.3f s for %d x %d values%n", forecastSeconds, forecasts.size(),
                forecasts.get(0).length);
        System.out.printf("seasonal naive       %8.3f s (LSTM forecast = %.1fx naive)%n", naiveSeconds,
                forecastSeconds / naiveSeconds);
    }
}
