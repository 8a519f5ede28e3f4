package com.trendcast.training;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionMetricsTest {

    @Test
    void modelsKeepTheRunsOrderAndCannotBeChanged() {
        List<String> stored = List.of("lstm", "naive", "seasonal-naive", "moving-average", "ets", "linear-calendar");
        Map<String, Map<String, Object>> byModel = new LinkedHashMap<>();
        for (String model : stored) {
            byModel.put(model, Map.of("wape", 0.3));
        }

        ProductionMetrics metrics = new ProductionMetrics(byModel, true, 12);
        byModel.remove("naive");

        assertThat(metrics.byModel().keySet()).containsExactlyElementsOf(stored);
        assertThatThrownBy(() -> metrics.byModel().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
