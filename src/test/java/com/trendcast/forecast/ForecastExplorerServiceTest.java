package com.trendcast.forecast;

import com.trendcast.common.UserFacingException;
import com.trendcast.pipeline.PipelineService;
import com.trendcast.pipeline.PipelineSummary;
import com.trendcast.security.AccessScope;
import com.trendcast.training.ForecastRow;
import com.trendcast.training.ProductionForecast;
import com.trendcast.training.ProductionMetrics;
import com.trendcast.training.TrainingService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.trendcast.forecast.ExplorerFixtures.ADMIN;
import static com.trendcast.forecast.ExplorerFixtures.DAYS;
import static com.trendcast.forecast.ExplorerFixtures.FIRST_DAY;
import static com.trendcast.forecast.ExplorerFixtures.HORIZON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForecastExplorerServiceTest {

    private static final double SUM_TOLERANCE = 1e-9;
    private static final LocalDate FIRST_FORECAST = FIRST_DAY.plusDays(DAYS);

    @Autowired
    private ForecastExplorerService explorer;
    @Autowired
    private TrainingService training;
    @Autowired
    private PipelineService pipelines;
    @Autowired
    private JdbcTemplate jdbc;

    private long datasetId;
    private long allCategories;
    private long kitchenOnly;

    @BeforeAll
    void trainAndPromote() {
        datasetId = ExplorerFixtures.salesDataset(jdbc);
        allCategories = ExplorerFixtures.promotedPipeline(pipelines, training, datasetId, List.of());
        kitchenOnly = ExplorerFixtures.promotedPipeline(pipelines, training, datasetId, List.of("Kitchen"));
    }

    @Test
    void onlyPipelinesWithAProductionForecastAreOffered() {
        PipelineSummary untrained = pipelines.create(ADMIN, "explorer untrained " + UUID.randomUUID(),
                ExplorerFixtures.spec(datasetId, List.of()));

        assertThat(explorer.pipelines(ADMIN)).extracting(PipelineSummary::id)
                .contains(allCategories, kitchenOnly).doesNotContain(untrained.id());
    }

    @Test
    void aSeriesAtThePipelinesLevelShowsTheStoredForecastAndInterval() {
        ProductionForecast stored = training.productionForecast(ADMIN, allCategories);

        ExplorerNode cookware = explorer.node(ADMIN, allCategories, List.of("Kitchen", "Cookware"));

        assertThat(cookware.aggregate()).isFalse();
        assertThat(cookware.children()).isEmpty();
        assertThat(cookware.forecast()).containsExactlyElementsOf(stored.rows().stream()
                .filter(row -> row.seriesKey().equals(List.of("Kitchen", "Cookware")))
                .map(row -> new ExplorerNode.ForecastPoint(row.date(), row.forecast(), row.lower(), row.upper()))
                .toList());
        assertThat(cookware.forecast()).hasSize(HORIZON);
        assertThat(cookware.forecast().get(0).date()).isEqualTo(FIRST_FORECAST);
    }

    @Test
    void childrenAddUpToTheirParentsForecastAndBoundsExactly() {
        ExplorerNode total = explorer.node(ADMIN, allCategories, List.of());
        ExplorerNode garden = explorer.node(ADMIN, allCategories, List.of("Garden"));
        ExplorerNode kitchen = explorer.node(ADMIN, allCategories, List.of("Kitchen"));
        ExplorerNode cookware = explorer.node(ADMIN, allCategories, List.of("Kitchen", "Cookware"));
        ExplorerNode tableware = explorer.node(ADMIN, allCategories, List.of("Kitchen", "Tableware"));

        assertThat(total.children()).extracting(ExplorerNode.Child::path)
                .containsExactly(List.of("Garden"), List.of("Kitchen"));
        assertThat(kitchen.children()).extracting(ExplorerNode.Child::path)
                .containsExactly(List.of("Kitchen", "Cookware"), List.of("Kitchen", "Tableware"));
        assertThat(total.aggregate()).isTrue();
        assertThat(kitchen.aggregate()).isTrue();
        assertSum(kitchen, cookware, tableware);
        assertSum(total, garden, kitchen);
        double kitchenTotal = kitchen.forecast().stream().mapToDouble(ExplorerNode.ForecastPoint::forecast).sum();
        assertThat(total.children().get(1).forecastTotal()).isCloseTo(kitchenTotal, within(SUM_TOLERANCE));
    }

    @Test
    void historyAboveThePipelinesLevelSumsTheSeriesBelow() {
        ExplorerNode total = explorer.node(ADMIN, allCategories, List.of());
        ExplorerNode kitchen = explorer.node(ADMIN, allCategories, List.of("Kitchen"));
        ExplorerNode cookware = explorer.node(ADMIN, allCategories, List.of("Kitchen", "Cookware"));

        // day 0: pan 1 + mug 4 (+ hose 10); day 1: pan 2 + mug 2 (+ hose 11)
        assertThat(cookware.history().subList(0, 2)).containsExactly(point(0, 1), point(1, 2));
        assertThat(kitchen.history().subList(0, 2)).containsExactly(point(0, 5), point(1, 4));
        assertThat(total.history().subList(0, 2)).containsExactly(point(0, 15), point(1, 15));
        assertThat(kitchen.history()).hasSize(DAYS);
    }

    @Test
    void baselinesAreFittedToTheNodeAndCoverTheForecastPeriods() {
        ExplorerNode kitchen = explorer.node(ADMIN, allCategories, List.of("Kitchen"));

        assertThat(kitchen.baselines()).containsOnlyKeys("seasonal-naive", "ets", "moving-average");
        assertThat(kitchen.baselines().values()).allSatisfy(line -> assertThat(line)
                .extracting(ExplorerNode.Point::date)
                .containsExactlyElementsOf(kitchen.forecast().stream().map(ExplorerNode.ForecastPoint::date).toList()));
        // the last week of Kitchen's history, days 91 to 97, starts on a day with w = 0
        assertThat(kitchen.baselines().get("seasonal-naive")).extracting(ExplorerNode.Point::value)
                .containsExactly(5.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);
    }

    @Test
    void metricsAreTheOnesTheRunStored() {
        ExplorerNode node = explorer.node(ADMIN, allCategories, List.of("Garden"));

        assertThat(node.metrics().allSeries()).isTrue();
        assertThat(node.metrics().byModel()).containsOnlyKeys("lstm", "naive", "seasonal-naive", "moving-average",
                "ets", "linear");
        assertThat(node.metrics().byModel()).isEqualTo(training.get(ADMIN, node.pipeline().runId()).metrics());
        assertThat(node.pipeline().model()).isEqualTo("lstm");
    }

    @Test
    void aPathBeyondTheKnownSeriesStopsAtTheDeepestNodeOnIt() {
        ExplorerNode node = explorer.node(ADMIN, allCategories, List.of("Kitchen", "Nothing", "Cookware"));

        assertThat(node.path()).containsExactly("Kitchen");
    }

    @Test
    void managersSeeOnlyPipelinesAndSeriesOfTheirCategoriesWhateverThePath() {
        AccessScope kitchenManager = new AccessScope("kitchen-" + UUID.randomUUID(), false, Set.of("Kitchen"));
        AccessScope gardenManager = new AccessScope("garden-" + UUID.randomUUID(), false, Set.of("Garden"));

        assertThat(explorer.pipelines(kitchenManager)).extracting(PipelineSummary::id)
                .contains(kitchenOnly, allCategories);
        assertThat(explorer.pipelines(gardenManager)).extracting(PipelineSummary::id)
                .contains(allCategories).doesNotContain(kitchenOnly);

        ExplorerNode crafted = explorer.node(kitchenManager, kitchenOnly, List.of("Garden", "Watering"));
        assertThat(crafted.path()).isEmpty();
        assertThat(crafted.children()).extracting(ExplorerNode.Child::path).containsExactly(List.of("Kitchen"));
        assertThat(crafted.history().get(0)).isEqualTo(point(0, 5));
        assertThat(training.productionForecast(kitchenManager, kitchenOnly).rows())
                .extracting(ForecastRow::seriesKey).allSatisfy(key -> assertThat(key.get(0)).isEqualTo("Kitchen"));

        assertThatThrownBy(() -> explorer.node(gardenManager, kitchenOnly, List.of()))
                .isInstanceOf(UserFacingException.class);
    }

    @Test
    void aManagerSeesThePartOfAPipelineOverEveryCategoryInsideTheirsAndATotalOfThatPartOnly() {
        AccessScope kitchenManager = new AccessScope("kitchen-" + UUID.randomUUID(), false, Set.of("Kitchen"));
        List<ForecastRow> stored = training.productionForecast(ADMIN, allCategories).rows();

        ExplorerNode total = explorer.node(kitchenManager, allCategories, List.of());

        assertThat(total.path()).isEmpty();
        assertThat(total.children()).extracting(ExplorerNode.Child::segment).containsExactly("Kitchen");
        // Kitchen alone: 5, 4, 5, 6, 7, 8, 9 over the first week (the hose's 10 or 11 a day would be on top)
        assertThat(total.history().subList(0, 7)).extracting(ExplorerNode.Point::value)
                .containsExactly(5.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);
        for (int step = 0; step < HORIZON; step++) {
            LocalDate date = FIRST_FORECAST.plusDays(step);
            List<ForecastRow> kitchen = stored.stream().filter(row -> row.date().equals(date)
                    && row.seriesKey().get(0).equals("Kitchen")).toList();
            assertThat(kitchen).hasSize(2);
            ExplorerNode.ForecastPoint point = total.forecast().get(step);
            assertThat(point.date()).isEqualTo(date);
            assertThat(point.forecast()).isCloseTo(kitchen.get(0).forecast() + kitchen.get(1).forecast(),
                    within(SUM_TOLERANCE));
            assertThat(point.lower()).isCloseTo(kitchen.get(0).lower() + kitchen.get(1).lower(),
                    within(SUM_TOLERANCE));
            assertThat(point.upper()).isCloseTo(kitchen.get(0).upper() + kitchen.get(1).upper(),
                    within(SUM_TOLERANCE));
        }
        assertThat(training.productionForecast(kitchenManager, allCategories).rows())
                .extracting(row -> row.seriesKey().get(0)).containsOnly("Kitchen");

        ExplorerNode crafted = explorer.node(kitchenManager, allCategories, List.of("Garden", "Watering"));
        assertThat(crafted.path()).isEmpty();
        assertThat(crafted.children()).extracting(ExplorerNode.Child::segment).containsExactly("Kitchen");
    }

    @Test
    void aManagerIsNotShownMetricsMeasuredOnOtherCategoriesButTheProductionModelsOverTheirSeries() {
        AccessScope kitchenManager = new AccessScope("kitchen-" + UUID.randomUUID(), false, Set.of("Kitchen"));
        Map<String, Map<String, Object>> stored = training.get(ADMIN,
                training.productionForecast(ADMIN, allCategories).runId()).metrics();

        ProductionMetrics metrics = explorer.node(kitchenManager, allCategories, List.of()).metrics();

        assertThat(metrics.allSeries()).isFalse();
        assertThat(metrics.series()).isEqualTo(2);
        assertThat(metrics.byModel()).containsOnlyKeys("lstm");
        // the run scored its three series on the same folds: two of three series make two thirds of the points
        long storedCount = ((Number) stored.get("lstm").get("count")).longValue();
        assertThat(((Number) metrics.byModel().get("lstm").get("count")).longValue() * 3).isEqualTo(storedCount * 2);
        assertThat(metrics.byModel().get("lstm")).containsKeys("wape", "mae", "rmse", "r2", "mase", "coverage");

        ProductionMetrics own = explorer.node(kitchenManager, kitchenOnly, List.of()).metrics();
        assertThat(own.allSeries()).isTrue();
        assertThat(own.byModel()).containsKeys("lstm", "seasonal-naive");
    }

    private static ExplorerNode.Point point(int day, double value) {
        return new ExplorerNode.Point(FIRST_DAY.plusDays(day), value);
    }

    private static void assertSum(ExplorerNode parent, ExplorerNode first, ExplorerNode second) {
        assertThat(parent.forecast()).hasSize(HORIZON);
        for (int step = 0; step < HORIZON; step++) {
            ExplorerNode.ForecastPoint sum = parent.forecast().get(step);
            ExplorerNode.ForecastPoint a = first.forecast().get(step);
            ExplorerNode.ForecastPoint b = second.forecast().get(step);
            assertThat(a.date()).isEqualTo(sum.date());
            assertThat(b.date()).isEqualTo(sum.date());
            assertThat(sum.forecast()).isCloseTo(a.forecast() + b.forecast(), within(SUM_TOLERANCE));
            assertThat(sum.lower()).isCloseTo(a.lower() + b.lower(), within(SUM_TOLERANCE));
            assertThat(sum.upper()).isCloseTo(a.upper() + b.upper(), within(SUM_TOLERANCE));
        }
    }
}
