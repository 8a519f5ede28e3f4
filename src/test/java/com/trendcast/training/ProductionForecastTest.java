package com.trendcast.training;

import com.trendcast.pipeline.spec.Level;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionForecastTest {

    private static final LocalDate DAY = LocalDate.of(2024, 4, 1);

    @Test
    void seriesKeyColumnsFollowTheLevel() {
        assertThat(Level.TOTAL.seriesKeyColumns()).isEmpty();
        assertThat(Level.CATEGORY2.seriesKeyColumns()).containsExactly("category1", "category2");
        assertThat(Level.PRODUCT.seriesKeyColumns()).containsExactly("category1", "category2", "category3", "sku");
    }

    @Test
    void aKeyPrefixKeepsTheSeriesThatStartWithItWholePartsOnly() {
        ForecastRow baking = row("Kitchen", "Baking");
        ForecastRow bakingware = row("Kitchen", "Bakingware");
        ForecastRow lights = row("Home", "Lights");
        ProductionForecast forecast = new ProductionForecast(1, 2, 1, "lstm", Instant.EPOCH, "admin",
                List.of("category1", "category2"), 0.8, List.of(baking, bakingware, lights),
                new ProductionMetrics(Map.of(), true, 3));

        assertThat(forecast.rowsOfSeries(List.of())).containsExactly(baking, bakingware, lights);
        assertThat(forecast.rowsOfSeries(List.of("Kitchen"))).containsExactly(baking, bakingware);
        assertThat(forecast.rowsOfSeries(List.of("Kitchen", "Baking"))).containsExactly(baking);
        assertThat(forecast.rowsOfSeries(List.of("Kitchen", "Baking", "Tins"))).isEmpty();
        assertThat(forecast.rowsOfSeries(List.of("Kit"))).isEmpty();
    }

    private static ForecastRow row(String... key) {
        return new ForecastRow(List.of(key), DAY, 10, 8, 12);
    }
}
