package com.trendcast.pipeline;

import com.trendcast.common.UserFacingException;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.GapFilling;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.pipeline.spec.Aggregation;
import com.trendcast.pipeline.spec.CovariateChoice;
import com.trendcast.pipeline.spec.DataCovariate;
import com.trendcast.pipeline.spec.FeatureSelection;
import com.trendcast.pipeline.spec.Level;
import com.trendcast.pipeline.spec.OutlierClipping;
import com.trendcast.pipeline.spec.PipelineSpec;
import com.trendcast.pipeline.spec.Scaling;
import com.trendcast.pipeline.spec.SeriesFilter;
import com.trendcast.pipeline.spec.Target;
import com.trendcast.pipeline.spec.Treatment;
import com.trendcast.security.AccessScope;
import com.trendcast.testsupport.SalesFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@SpringBootTest
class PipelineServiceTest {

    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);
    private static final AccessScope ADMIN = new AccessScope("pipeline-admin", true, Set.of());

    @Autowired
    private PipelineService pipelines;
    @Autowired
    private JdbcTemplate jdbc;

    private long datasetId;
    private AccessScope kitchenManager;
    private AccessScope gardenManager;

    /**
     * Week of 4 March: Kitchen 1 + 2 (pan) + 4 (mug) = 7 units, Garden 10; week of 11 March: nothing;
     * week of 18 March: Kitchen 3.
     */
    @BeforeEach
    void storeSales() {
        SalesFixtures fixtures = SalesFixtures.newDataset(jdbc, "pipeline service " + UUID.randomUUID());
        datasetId = fixtures.datasetId();
        long pan = fixtures.product("PAN", "Pan", "Kitchen", "Cookware");
        long mug = fixtures.product("MUG", "Mug", "Kitchen", "Tableware");
        long hose = fixtures.product("HOSE", "Hose", "Garden", "Watering");
        fixtures.sale(pan, MONDAY, 1, 100);
        fixtures.sale(pan, MONDAY.plusDays(2), 2, 100);
        fixtures.sale(mug, MONDAY.plusDays(1), 4, 20);
        fixtures.sale(pan, MONDAY.plusDays(14), 3, 120);
        fixtures.sale(hose, MONDAY, 10, 500);
        drivers(pan, MONDAY, 100.0, 30.0);
        drivers(pan, MONDAY.plusDays(2), 50.0, null);
        drivers(mug, MONDAY.plusDays(1), 5.0, 12.0);
        kitchenManager = new AccessScope("kitchen-" + UUID.randomUUID(), false, Set.of("Kitchen"));
        gardenManager = new AccessScope("garden-" + UUID.randomUUID(), false, Set.of("Garden"));
    }

    @Test
    void weeklySeriesSumTheDaysAndFillTheEmptyWeek() {
        List<TimeSeries> series = pipelines.loadSeries(ADMIN, spec(Level.CATEGORY1, List.of(), 1,
                GapFilling.Method.ZERO));

        assertThat(series).extracting(TimeSeries::key).containsExactly(List.of("Garden"), List.of("Kitchen"));
        TimeSeries kitchen = series.get(1);
        assertThat(kitchen.start()).isEqualTo(MONDAY);
        assertThat(kitchen.values()).containsExactly(7, 0, 3);
        assertThat(series.get(0).values()).containsExactly(10);

        TimeSeries interpolated = pipelines.loadSeries(ADMIN, spec(Level.CATEGORY1, List.of("Kitchen"), 1,
                GapFilling.Method.LINEAR)).get(0);
        assertThat(interpolated.values()).containsExactly(7, 5, 3);
    }

    @Test
    void priceIsAUnitsWeightedMeanCarriedForwardAndVisitsAddUp() {
        TimeSeries kitchen = pipelines.loadSeries(ADMIN, spec(Level.CATEGORY1, List.of("Kitchen"), 1,
                GapFilling.Method.ZERO)).get(0);

        // (100·1 + 50·2 + 5·4) / 7; the weeks without a known price keep it
        double price = 220.0 / 7;
        assertThat(kitchen.covariates().get("avg_price").values())
                .containsExactly(new double[]{price, price, price}, within(1e-9));
        assertThat(kitchen.covariates().get("avg_price").knownInAdvance()).isTrue();
        assertThat(kitchen.covariates().get("visits").values()).containsExactly(42, 0, 0);
        assertThat(kitchen.covariates().get("visits").knownInAdvance()).isFalse();
    }

    @Test
    void productLevelKeysEndWithTheSku() {
        List<TimeSeries> series = pipelines.loadSeries(ADMIN, spec(Level.PRODUCT, List.of("Kitchen"), 1,
                GapFilling.Method.ZERO));

        assertThat(series).extracting(TimeSeries::key).containsExactly(
                List.of("Kitchen", "Cookware", "", "PAN"), List.of("Kitchen", "Tableware", "", "MUG"));
        assertThat(series.get(0).values()).containsExactly(3, 0, 3);
    }

    @Test
    void aManagerNeverReadsAnotherCategoryEvenWithACraftedFilter() {
        List<TimeSeries> total = pipelines.loadSeries(gardenManager, spec(Level.TOTAL, List.of(), 1,
                GapFilling.Method.ZERO));
        assertThat(total).hasSize(1);
        assertThat(total.get(0).values()).containsExactly(10);

        assertThatThrownBy(() -> pipelines.loadSeries(gardenManager, spec(Level.TOTAL, List.of("Kitchen"), 1,
                GapFilling.Method.ZERO)))
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("pipeline.series.none");
    }

    @Test
    void categoryOptionsGoOneLevelDownAndStayInsideTheManagersCategories() {
        assertThat(pipelines.categoryOptions(ADMIN, datasetId, List.of())).containsExactly("Garden", "Kitchen");
        assertThat(pipelines.categoryOptions(kitchenManager, datasetId, List.of())).containsExactly("Kitchen");
        assertThat(pipelines.categoryOptions(kitchenManager, datasetId, List.of("Kitchen")))
                .containsExactly("Cookware", "Tableware");
        assertThat(pipelines.categoryOptions(kitchenManager, datasetId, List.of("Garden"))).isEmpty();
        assertThat(pipelines.categoryOptions(ADMIN, datasetId, List.of("Kitchen", "Cookware", "x"))).isEmpty();
    }

    @Test
    void savingAnEditAddsAVersionAndKeepsTheOldOne() {
        PipelineSummary created = pipelines.create(kitchenManager, "Kitchen weekly " + UUID.randomUUID(),
                spec(Level.CATEGORY2, List.of("Kitchen"), 1, GapFilling.Method.ZERO));
        assertThat(created.currentVersion()).isEqualTo(1);

        PipelineSummary edited = pipelines.saveNewVersion(kitchenManager, created.id(),
                spec(Level.CATEGORY2, List.of("Kitchen"), 2, GapFilling.Method.ZERO));

        assertThat(edited.currentVersion()).isEqualTo(2);
        assertThat(edited.spec().horizon()).isEqualTo(2);
        List<PipelineVersion> versions = pipelines.versions(kitchenManager, created.id());
        assertThat(versions).extracting(PipelineVersion::version).containsExactly(1, 2);
        assertThat(versions.get(0).spec().horizon()).isEqualTo(1);
        assertThat(versions).allSatisfy(v -> assertThat(v.createdBy()).isEqualTo(kitchenManager.username()));
    }

    @Test
    void exportedJsonImportsAsAnEqualPipeline() {
        PipelineSpec spec = spec(Level.PRODUCT, List.of("Kitchen"), 3, GapFilling.Method.FORWARD);
        PipelineSummary original = pipelines.create(kitchenManager, "Export " + UUID.randomUUID(), spec);

        String json = pipelines.exportJson(kitchenManager, original.id());
        PipelineSummary imported = pipelines.importJson(kitchenManager, "Imported " + UUID.randomUUID(), json);

        assertThat(imported.id()).isNotEqualTo(original.id());
        assertThat(imported.currentVersion()).isEqualTo(1);
        assertThat(imported.spec()).isEqualTo(spec);
    }

    @Test
    void managersSeeOnlyPipelinesWithinTheirCategories() {
        PipelineSummary kitchen = pipelines.create(kitchenManager, "Kitchen only " + UUID.randomUUID(),
                spec(Level.CATEGORY1, List.of("Kitchen"), 1, GapFilling.Method.ZERO));

        assertThat(pipelines.list(kitchenManager)).extracting(PipelineSummary::id).contains(kitchen.id());
        assertThat(pipelines.list(ADMIN)).extracting(PipelineSummary::id).contains(kitchen.id());
        assertThat(pipelines.list(gardenManager)).extracting(PipelineSummary::id).doesNotContain(kitchen.id());
        assertThatThrownBy(() -> pipelines.get(gardenManager, kitchen.id())).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> pipelines.delete(gardenManager, kitchen.id())).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> pipelines.create(gardenManager, "Sneaky " + UUID.randomUUID(),
                spec(Level.CATEGORY1, List.of("Kitchen"), 1, GapFilling.Method.ZERO)))
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("pipeline.scope.category");
        assertThatThrownBy(() -> pipelines.create(gardenManager, "Everything " + UUID.randomUUID(),
                spec(Level.TOTAL, List.of(), 1, GapFilling.Method.ZERO)))
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("pipeline.scope.category");
    }

    @Test
    void onlyTheOwnerOrAnAdminChangesAPipeline() {
        PipelineSummary kitchen = pipelines.create(kitchenManager, "Owned " + UUID.randomUUID(),
                spec(Level.CATEGORY1, List.of("Kitchen"), 1, GapFilling.Method.ZERO));
        AccessScope colleague = new AccessScope("colleague-" + UUID.randomUUID(), false, Set.of("Kitchen"));

        assertThatThrownBy(() -> pipelines.delete(colleague, kitchen.id()))
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("pipeline.notOwner");
        pipelines.delete(ADMIN, kitchen.id());
        assertThat(pipelines.list(ADMIN)).extracting(PipelineSummary::id).doesNotContain(kitchen.id());
        assertThat(jdbc.queryForObject("select count(*) from feature_pipeline_version where pipeline_id = ?",
                Integer.class, kitchen.id())).isZero();
    }

    private PipelineSpec spec(Level level, List<String> categoryPath, int horizon, GapFilling.Method missing) {
        return new PipelineSpec(PipelineSpec.CURRENT_SCHEMA_VERSION, datasetId, Target.UNITS, level,
                new SeriesFilter(categoryPath, null, null), Frequency.WEEK, Aggregation.SUM, horizon, 10,
                new FeatureSelection(List.of(1), List.of(), List.of(), Set.of(), Set.of(),
                        List.of(new CovariateChoice(DataCovariate.AVG_PRICE, true),
                                new CovariateChoice(DataCovariate.VISITS, false))),
                new Treatment(missing, OutlierClipping.none(), Scaling.NONE));
    }

    private void drivers(long productId, LocalDate day, Double avgPrice, Double visits) {
        jdbc.update("update sales_daily set avg_price = ?, visits = ? where product_id = ? and sale_date = ?",
                avgPrice, visits, productId, Date.valueOf(day));
    }
}
