package com.trendcast.forecast.engine.hierarchy;

import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.TimeSeries;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ReconciliationTest {

    private static final List<String> TOTAL = List.of();
    private static final List<String> SKU_A = List.of("Home", "Kitchen", "Knives", "A");
    private static final List<String> SKU_B = List.of("Home", "Kitchen", "Knives", "B");
    private static final List<String> SKU_C = List.of("Home", "Kitchen", "Pans", "C");
    private static final List<String> SKU_D = List.of("Toys", "Outdoor", "Balls", "D");
    private static final Hierarchy HIERARCHY = Hierarchy.fromBottomKeys(List.of(SKU_A, SKU_B, SKU_C, SKU_D));

    @Test
    void hierarchyHasEveryPrefixAsNode() {
        // total, Home, Toys, Home/Kitchen, Toys/Outdoor, Knives, Pans, Balls, 4 SKUs = 12 nodes
        assertThat(HIERARCHY.nodes()).hasSize(12);
        assertThat(HIERARCHY.nodes().get(0)).isEqualTo(TOTAL);
        assertThat(HIERARCHY.childrenOf(TOTAL)).containsExactly(List.of("Home"), List.of("Toys"));
        assertThat(HIERARCHY.childrenOf(List.of("Home", "Kitchen", "Knives"))).containsExactly(SKU_A, SKU_B);
        assertThat(HIERARCHY.isBottom(SKU_C)).isTrue();
        assertThat(HIERARCHY.isBottom(List.of("Home"))).isFalse();
    }

    @Test
    void bottomUpChildrenSumToParents() {
        Map<List<String>, double[]> bottom = Map.of(SKU_A, new double[]{1, 2}, SKU_B, new double[]{3, 4},
                SKU_C, new double[]{5, 6}, SKU_D, new double[]{10, 20});

        Map<List<String>, double[]> all = Reconciliation.bottomUp(HIERARCHY, bottom);

        // Knives = A + B = (4, 6); Kitchen = Knives + Pans(C) = (9, 12); Home = Kitchen; total = Home + Toys(D)
        assertThat(all.get(List.of("Home", "Kitchen", "Knives"))).containsExactly(4, 6);
        assertThat(all.get(List.of("Home", "Kitchen"))).containsExactly(9, 12);
        assertThat(all.get(List.of("Home"))).containsExactly(9, 12);
        assertThat(all.get(TOTAL)).containsExactly(19, 32);
        assertChildrenSumToParents(all);
    }

    @Test
    void parentHistoryIsTheSumOfChildrenAlignedByDate() {
        LocalDate jan1 = LocalDate.of(2024, 1, 1);
        List<TimeSeries> bottom = List.of(
                new TimeSeries(SKU_A, jan1, Frequency.DAY, new double[]{1, 1, 1}),
                new TimeSeries(SKU_B, jan1.plusDays(1), Frequency.DAY, new double[]{2, 2, 2}),
                new TimeSeries(SKU_C, jan1, Frequency.DAY, new double[]{5}),
                new TimeSeries(SKU_D, jan1, Frequency.DAY, new double[]{0, 10}));

        Map<List<String>, TimeSeries> all = Reconciliation.aggregate(HIERARCHY, bottom);

        // Knives: A on days 1-3 plus B (launched day 2) on days 2-4 -> (1, 3, 3, 2)
        TimeSeries knives = all.get(List.of("Home", "Kitchen", "Knives"));
        assertThat(knives.start()).isEqualTo(jan1);
        assertThat(knives.values()).containsExactly(1, 3, 3, 2);
        // total adds C (5 on day 1) and D (0, 10) -> (6, 13, 3, 2)
        assertThat(all.get(TOTAL).values()).containsExactly(6, 13, 3, 2);
    }

    @Test
    void olsReconciliationIsCoherentAndKeepsCoherentForecasts() {
        Map<List<String>, double[]> coherent = Reconciliation.bottomUp(HIERARCHY, Map.of(
                SKU_A, new double[]{1}, SKU_B, new double[]{3}, SKU_C, new double[]{5}, SKU_D, new double[]{10}));
        Map<List<String>, double[]> unchanged = Reconciliation.ols(HIERARCHY, coherent);
        for (List<String> node : HIERARCHY.nodes()) {
            assertThat(unchanged.get(node)[0]).isCloseTo(coherent.get(node)[0], within(1e-9));
        }

        Map<List<String>, double[]> incoherent = new HashMap<>(coherent);
        incoherent.put(TOTAL, new double[]{40});
        Map<List<String>, double[]> reconciled = Reconciliation.ols(HIERARCHY, incoherent);
        assertChildrenSumToParents(reconciled);
        assertThat(reconciled.get(TOTAL)[0]).isBetween(19.0, 40.0);
    }

    @Test
    void bottomKeyThatIsAlsoAnAggregateIsRejected() {
        assertThatThrownBy(() -> Hierarchy.fromBottomKeys(List.of(List.of("Home"), List.of("Home", "A"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertChildrenSumToParents(Map<List<String>, double[]> forecasts) {
        for (List<String> node : HIERARCHY.nodes()) {
            List<List<String>> children = HIERARCHY.childrenOf(node);
            if (children.isEmpty()) {
                continue;
            }
            double[] parent = forecasts.get(node);
            for (int step = 0; step < parent.length; step++) {
                double sum = 0;
                for (List<String> child : children) {
                    sum += forecasts.get(child)[step];
                }
                assertThat(parent[step]).isCloseTo(sum, within(1e-9));
            }
        }
    }
}
