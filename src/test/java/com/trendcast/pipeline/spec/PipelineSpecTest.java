package com.trendcast.pipeline.spec;

import com.trendcast.common.UserFacingException;
import com.trendcast.forecast.engine.Frequency;
import com.trendcast.forecast.engine.GapFilling;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineSpecTest {

    private static final PipelineSpec FULL = new PipelineSpec(PipelineSpec.CURRENT_SCHEMA_VERSION, 42, Target.REVENUE,
            Level.CATEGORY2, new SeriesFilter(List.of("Kitchen"), "North", "Online"), Frequency.WEEK,
            Aggregation.SUM, 4, 60,
            new FeatureSelection(List.of(1, 52), List.of(4), List.of(4, 13),
                    Set.of(CalendarFeature.WEEK_OF_YEAR, CalendarFeature.CYCLIC), Set.of(HolidayRegion.CN),
                    List.of(new CovariateChoice(DataCovariate.AVG_PRICE, true),
                            new CovariateChoice(DataCovariate.VISITS, false))),
            new Treatment(GapFilling.Method.LINEAR, OutlierClipping.iqr(1.5), Scaling.STANDARD));

    @Test
    void aWellFormedSpecHasNoProblems() {
        assertThat(FULL.problems()).isEmpty();
    }

    @Test
    void everyBrokenRuleIsReported() {
        PipelineSpec broken = new PipelineSpec(PipelineSpec.CURRENT_SCHEMA_VERSION, 1, Target.UNITS, Level.TOTAL,
                SeriesFilter.all(), Frequency.WEEK, Aggregation.SUM, 0, 5,
                new FeatureSelection(List.of(0, 7), List.of(1), List.of(), Set.of(CalendarFeature.DAY_OF_WEEK),
                        Set.of(), List.of()),
                new Treatment(GapFilling.Method.ZERO, OutlierClipping.zScore(0), Scaling.NONE));

        assertThat(broken.problems()).extracting(SpecProblem::messageKey).containsExactlyInAnyOrder(
                "pipeline.spec.outlierThreshold", "pipeline.spec.horizon", "pipeline.spec.lag",
                "pipeline.spec.window", "pipeline.spec.historyWindow", "pipeline.spec.dayOfWeekNeedsDaily");
        assertThatThrownBy(broken::validated).isInstanceOf(InvalidPipelineSpecException.class)
                .satisfies(e -> assertThat(((InvalidPipelineSpecException) e).localizedMessage(Locale.ENGLISH))
                        .contains("horizon").contains("at least 1"));
    }

    @Test
    void historyWindowMustCoverTheLongestLookBackPlusTheHorizon() {
        PipelineSpec spec = Specs.daily(Specs.lagsOnly(7), Specs.plain(), 7);

        assertThat(spec.problems()).containsExactly(new SpecProblem("pipeline.spec.historyWindow", 7, 8));
        assertThat(Specs.daily(Specs.lagsOnly(7), Specs.plain(), 8).problems()).isEmpty();
    }

    @Test
    void jsonRoundTripKeepsEverySetting() {
        String json = PipelineSpecJson.write(FULL);

        assertThat(json).contains("\"schemaVersion\" : 1").contains("\"IQR\"");
        assertThat(PipelineSpecJson.read(json)).isEqualTo(FULL);
    }

    @Test
    void importRefusesOtherSchemasUnknownFieldsAndBrokenSpecs() {
        String json = PipelineSpecJson.write(FULL);

        assertThatThrownBy(() -> PipelineSpecJson.read(json.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 9")))
                .isInstanceOf(InvalidPipelineSpecException.class);
        assertThatThrownBy(() -> PipelineSpecJson.read(json.replace("\"horizon\"", "\"surprise\" : 1, \"horizon\"")))
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("pipeline.json.invalid");
        assertThatThrownBy(() -> PipelineSpecJson.read("not json")).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> PipelineSpecJson.read(json.replace("\"horizon\" : 4", "\"horizon\" : 0")))
                .isInstanceOf(InvalidPipelineSpecException.class);
    }
}
