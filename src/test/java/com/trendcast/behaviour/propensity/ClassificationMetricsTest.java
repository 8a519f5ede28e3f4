package com.trendcast.behaviour.propensity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClassificationMetricsTest {

    @Test
    void handCheckedConfusionMatrixAucAndAveragePrecision() {
        boolean[] actual = {true, false, true, false};
        double[] probability = {0.9, 0.8, 0.4, 0.1};

        ClassificationMetrics m = ClassificationMetrics.of(actual, probability, 0.5);

        // predicted at 0.5: T T F F -> TP 1 (0.9), FP 1 (0.8), FN 1 (0.4), TN 1 (0.1)
        assertThat(new long[]{m.truePositives(), m.falsePositives(), m.falseNegatives(), m.trueNegatives()})
                .containsExactly(1, 1, 1, 1);
        assertThat(m.accuracy()).isCloseTo(0.5, within(1e-12));
        assertThat(m.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(m.recall()).isCloseTo(0.5, within(1e-12));
        assertThat(m.f1()).isCloseTo(0.5, within(1e-12));
        // positive-negative pairs ranked right: (0.9>0.8) (0.9>0.1) (0.4>0.1), wrong: (0.4<0.8) -> 3/4
        assertThat(m.rocAuc()).isCloseTo(0.75, within(1e-12));
        // ranking T F T F: precision 1/1 at recall 1/2, 2/3 at recall 1 -> 0.5*1 + 0.5*2/3
        assertThat(m.prAuc()).isCloseTo(0.5 + 1.0 / 3, within(1e-12));
        assertThat(m.rocCurve()).first().satisfies(p -> assertThat(p.truePositiveRate()).isZero());
        assertThat(m.rocCurve()).last().satisfies(p -> {
            assertThat(p.truePositiveRate()).isEqualTo(1.0);
            assertThat(p.falsePositiveRate()).isEqualTo(1.0);
        });
    }

    @Test
    void tiedScoresGiveAnAucOfOneHalf() {
        ClassificationMetrics m = ClassificationMetrics.of(new boolean[]{true, false, true, false},
                new double[]{0.3, 0.3, 0.3, 0.3}, 0.5);

        assertThat(m.rocAuc()).isCloseTo(0.5, within(1e-12));
        assertThat(m.accuracy()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void perfectRankingGivesOne() {
        ClassificationMetrics m = ClassificationMetrics.of(new boolean[]{false, true, false, true},
                new double[]{0.2, 0.7, 0.1, 0.6}, 0.5);

        assertThat(m.rocAuc()).isEqualTo(1.0);
        assertThat(m.prAuc()).isEqualTo(1.0);
        assertThat(m.accuracy()).isEqualTo(1.0);
    }

    @Test
    void stratifiedSplitKeepsTheClassShareAndUsesEveryRowOnce() {
        boolean[] labels = new boolean[100];
        for (int i = 0; i < 20; i++) {
            labels[i * 5] = true;
        }

        int[][] split = PropensityWorkflow.stratifiedSplit(labels, 0.3, 7);

        assertThat(split[0].length + split[1].length).isEqualTo(100);
        long heldPositives = java.util.Arrays.stream(split[1]).filter(i -> labels[i]).count();
        assertThat(split[1]).hasSize(30);
        assertThat(heldPositives).isEqualTo(6);
        assertThat(java.util.stream.IntStream.concat(java.util.Arrays.stream(split[0]), java.util.Arrays.stream(split[1]))
                .distinct().count()).isEqualTo(100);
    }
}
