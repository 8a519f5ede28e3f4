package com.trendcast.forecast.engine.model;

import com.trendcast.forecast.engine.Forecast;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineModelsTest {

    private static TimeSeries daily(double... values) {
        return new TimeSeries(List.of("sku"), LocalDate.of(2024, 1, 1), Frequency.DAY, values);
    }

    @Test
    void naiveRepeatsLastValue() {
        assertThat(new NaiveModel().fit(daily(3, 1, 4)).predict(3)).containsExactly(4, 4, 4);
    }

    @Test
    void seasonalNaiveRepeatsLastWeek() {
        // values 1..10, period 7: last season is indices 3..9 = [4..10]; steps 8 and 9 wrap to 4 and 5
        double[] forecast = new SeasonalNaiveModel().fit(daily(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)).predict(9);
        assertThat(forecast).containsExactly(4, 5, 6, 7, 8, 9, 10, 4, 5);
    }

    @Test
    void seasonalNaiveWithExplicitPeriodAndShortHistoryFallback() {
        assertThat(new SeasonalNaiveModel(2).fit(daily(1, 2, 3, 4, 5)).predict(3)).containsExactly(4, 5, 4);
        assertThat(new SeasonalNaiveModel().fit(daily(1, 2, 3)).predict(2)).containsExactly(3, 3);
    }

    @Test
    void movingAverageChoosesWindowByOneStepError() {
        // values [1,2,3,4,10,10,10,12], candidates 2 and 4, both scored on t = 4..7
        // window 2 predicts 3.5, 7, 10, 10 -> errors 6.5, 3, 0, 2 -> SSE 42.25 + 9 + 0 + 4 = 55.25
        // window 4 predicts 2.5, 4.75, 6.75, 8.5 -> errors 7.5, 5.25, 3.25, 3.5 -> SSE 106.625
        // window 2 wins; forecast (10 + 12) / 2 = 11 (window 4 would give 10.5)
        double[] values = {1, 2, 3, 4, 10, 10, 10, 12};
        assertThat(MovingAverageModel.chooseWindow(values, new int[]{2, 4})).isEqualTo(2);
        assertThat(MovingAverageModel.choosingAmong(2, 4).fit(daily(values)).predict(3)).containsExactly(11, 11, 11);
    }

    @Test
    void movingAverageWithFixedWindowAveragesShortHistoryWhole() {
        assertThat(MovingAverageModel.ofWindow(3).fit(daily(1, 2, 3, 4)).predict(1)).containsExactly(3);
        assertThat(MovingAverageModel.ofWindow(10).fit(daily(1, 2, 3, 4)).predict(1)).containsExactly(2.5);
        assertThat(MovingAverageModel.auto().fit(daily(5)).predict(2)).containsExactly(5, 5);
    }

    @Test
    void forecastCarriesDatesAndCanBeClippedAtZero() {
        TimeSeries history = daily(-1, -2);
        Forecast forecast = new NaiveModel().forecast(history, 2);
        assertThat(forecast.dates()).containsExactly(LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4));
        assertThat(forecast.point()).containsExactly(-2, -2);
        assertThat(forecast.hasInterval()).isFalse();
        assertThat(forecast.clippedAtZero().point()).containsExactly(0, 0);
    }

    @Test
    void emptyHistoryIsRejected() {
        assertThatThrownBy(() -> new NaiveModel().fit(daily())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ensembleAveragesMembers() {
        // naive 10, mean of all four (window 4) (1+2+3+10)/4 = 4 -> average 7
        EnsembleModel ensemble = new EnsembleModel(List.of(new NaiveModel(), MovingAverageModel.ofWindow(4)));
        assertThat(ensemble.fit(daily(1, 2, 3, 10)).predict(2)).containsExactly(7, 7);
        assertThat(ensemble.name()).isEqualTo("ensemble(naive+moving-average(4))");
    }
}
