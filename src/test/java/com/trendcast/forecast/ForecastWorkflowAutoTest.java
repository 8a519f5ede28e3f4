package com.trendcast.forecast;

import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.forecast.engine.eval.BacktestResult;
import com.trendcast.forecast.engine.eval.ModelScore;
import com.trendcast.forecast.engine.global.GlobalForecastModel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code auto} on a panel whose actuals are always 10 and whose members forecast constants, so every backtest
 * WAPE is |forecast - 10| / 10 by hand.
 */
class ForecastWorkflowAutoTest {

    private static final int HORIZON = 7;
    private static final Panel FLAT = new Panel(List.of("store"),
            List.of(flat("a"), flat("b")), List.of(Map.of(), Map.of()), Set.of());
    private static final ForecastRequest REQUEST = new ForecastRequest(null, "date", "sales", List.of("store"),
            List.of(), null, Frequency.DAY, HORIZON, 0.8, 1, 2);

    @Test
    void inverseErrorWeightsWinWhenMembersErrInOppositeDirections() {
        BacktestResult result = ForecastWorkflow.runBacktest(FLAT, REQUEST,
                List.of(constant("high", 13), constant("low", 8), constant("zero", 0)));

        // members: low 0.2, high 0.3, zero 1.0
        assertThat(wape(result, "low")).isCloseTo(0.2, within(1e-9));
        assertThat(wape(result, "high")).isCloseTo(0.3, within(1e-9));
        // equal top two: (8 + 13) / 2 = 10.5 -> 0.05
        assertThat(wape(result, "ensemble(low+high)")).isCloseTo(0.05, within(1e-9));
        // weights 1/0.2 : 1/0.3 = 0.6 : 0.4 -> 0.6 * 8 + 0.4 * 13 = 10 exactly
        assertThat(wape(result, "ensemble(low*0.600+high*0.400)")).isCloseTo(0, within(1e-9));
        // equal top three: (8 + 13 + 0) / 3 = 7 -> 0.3
        assertThat(wape(result, "ensemble(low+high+zero)")).isCloseTo(0.3, within(1e-9));

        String chosen = ForecastWorkflow.best(result);
        assertThat(chosen).isEqualTo("ensemble(low*0.600+high*0.400)");
        assertNeverWorseThanBestMember(result, chosen, List.of("high", "low", "zero"));
    }

    @Test
    void memberIsKeptWhenEveryEnsembleIsWorse() {
        BacktestResult result = ForecastWorkflow.runBacktest(FLAT, REQUEST,
                List.of(constant("exact", 10), constant("double", 20), constant("half", 5)));

        // equal top two (exact, half): 7.5 -> 0.25; top three: 35 / 3 -> 1/6; inverse weights put all on exact
        assertThat(wape(result, "ensemble(exact+half)")).isCloseTo(0.25, within(1e-9));
        assertThat(wape(result, "ensemble(exact+half+double)")).isCloseTo(1.0 / 6, within(1e-9));
        assertThat(wape(result, "ensemble(exact*1.000+half*0.000)")).isCloseTo(0, within(1e-9));
        // ties go to the first listed, and members are listed before the ensembles built from them
        assertThat(ForecastWorkflow.best(result)).isEqualTo("exact");
        assertNeverWorseThanBestMember(result, ForecastWorkflow.best(result), List.of("exact", "double", "half"));
    }

    @Test
    void weightedEnsembleForecastsWithTheWeightsInItsName() {
        ForecastWorkflow.EnsembleOfModels ensemble = new ForecastWorkflow.EnsembleOfModels(
                List.of(constant("low", 8), constant("high", 13)), List.of(0.6, 0.4));

        assertThat(ensemble.name()).isEqualTo("ensemble(low*0.600+high*0.400)");
        assertThat(ForecastWorkflow.EnsembleOfModels.weightsOf(ensemble.name())).containsExactly(0.6, 0.4);
        assertThat(ForecastWorkflow.EnsembleOfModels.memberNames(ensemble.name())).containsExactly("low", "high");
        assertThat(ensemble.forecast(FLAT.series(), 3, FLAT.future()).get(0))
                .containsExactly(new double[]{10, 10, 10}, within(1e-9));
    }

    private static void assertNeverWorseThanBestMember(BacktestResult result, String chosen, List<String> members) {
        for (String member : members) {
            assertThat(wape(result, chosen)).isLessThanOrEqualTo(wape(result, member));
        }
    }

    private static double wape(BacktestResult result, String model) {
        return result.scores().stream().filter(score -> score.model().equals(model)).findFirst()
                .map(ModelScore::overall).orElseThrow(() -> new AssertionError("no score for " + model + " in "
                        + result.modelNames())).wape();
    }

    private static TimeSeries flat(String store) {
        double[] values = new double[40];
        Arrays.fill(values, 10);
        return new TimeSeries(List.of(store), LocalDate.of(2024, 1, 1), Frequency.DAY, values);
    }

    private static GlobalForecastModel constant(String name, double value) {
        return new GlobalForecastModel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<double[]> forecast(List<TimeSeries> histories, int horizon,
                                           List<Map<String, double[]>> futureCovariates) {
                List<double[]> forecasts = new ArrayList<>();
                for (int i = 0; i < histories.size(); i++) {
                    double[] point = new double[horizon];
                    Arrays.fill(point, value);
                    forecasts.add(point);
                }
                return forecasts;
            }
        };
    }
}
