package com.trendcast.sales;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

class ProductRankingTest {

    private static final ToDoubleFunction<Integer> VALUE = Integer::doubleValue;

    @Test
    void leadersKeepEveryItemThatTiesWithTheLastPlace() {
        // places 1 and 2 are 9 and 7; the other 7 ties with second place, so the SKU tie-break can still choose
        assertThat(ProductRanking.leaders(List.of(3, 7, 9, 7, 1), VALUE, 2)).containsExactly(9, 7, 7);
    }

    @Test
    void leadersAreAllItemsWhenThereAreNoMoreThanTheLimit() {
        assertThat(ProductRanking.leaders(List.of(2, 5), VALUE, 8)).containsExactly(5, 2);
        assertThat(ProductRanking.leaders(List.<Integer>of(), VALUE, 8)).isEmpty();
    }

    @Test
    void leadersStopAtTheLimitWithoutATie() {
        assertThat(ProductRanking.leaders(List.of(4, 1, 3, 2), VALUE, 2)).containsExactly(4, 3);
    }
}
