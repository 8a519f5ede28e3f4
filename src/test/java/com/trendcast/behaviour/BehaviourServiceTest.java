package com.trendcast.behaviour;

import com.trendcast.common.UserFacingException;
import com.trendcast.dataset.DatasetImportService;
import com.trendcast.dataset.DatasetService;
import com.trendcast.security.AccessScope;
import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.testsupport.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@SpringBootTest
class BehaviourServiceTest {

    private static final AccessScope ADMIN = AccessScope.operator();
    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);
    private static final LocalDate TUESDAY = LocalDate.of(2024, 3, 5);
    private static final List<String> ROLLUP_TABLES = List.of("behaviour_event_hour", "behaviour_visitor_day",
            "behaviour_item_day");

    @Autowired
    private BehaviourService behaviour;
    @Autowired
    private DatasetImportService imports;
    @Autowired
    private UserService users;
    @Autowired
    private DatasetService datasets;
    @Autowired
    private EventRollupBackfill backfill;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path dir;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String toys = "Toys-" + suffix;
    private final String garden = "Garden-" + suffix;
    private long events;

    @BeforeEach
    void importEvents() throws Exception {
        events = BehaviourFixtures.events(imports, dir, toys, garden, null, true);
    }

    @Test
    void funnelCountsDistinctVisitorsPerStepWithStepRates() {
        EventInsights insights = behaviour.events(ADMIN, events, EventFilter.all());

        assertThat(insights.events()).isEqualTo(16);
        assertThat(insights.funnel()).extracting(EventInsights.FunnelStep::stage, EventInsights.FunnelStep::visitors,
                        EventInsights.FunnelStep::events)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FunnelStage.VIEW, 6L, 7L),
                        org.assertj.core.groups.Tuple.tuple(FunnelStage.CART, 4L, 4L),
                        org.assertj.core.groups.Tuple.tuple(FunnelStage.PURCHASE, 4L, 4L));
        assertThat(insights.funnel().get(0).rateFromPrevious()).isNull();
        assertThat(insights.funnel().get(1).rateFromPrevious()).isCloseTo(4 / 6.0, within(1e-9));
        assertThat(insights.funnel().get(2).rateFromPrevious()).isCloseTo(1.0, within(1e-9));
        assertThat(insights.firstDay()).isEqualTo(MONDAY);
        assertThat(insights.lastDay()).isEqualTo(TUESDAY);
    }

    @Test
    void rawEventTypesAreMappedToStepsAndTheRestShownAsUnmapped() {
        EventInsights insights = behaviour.events(ADMIN, events, EventFilter.all());

        assertThat(insights.eventTypes()).extracting(EventInsights.EventType::rawType, EventInsights.EventType::events,
                        EventInsights.EventType::stage)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("view", 6L, FunnelStage.VIEW),
                        org.assertj.core.groups.Tuple.tuple("pageview", 1L, FunnelStage.VIEW),
                        org.assertj.core.groups.Tuple.tuple("addtocart", 3L, FunnelStage.CART),
                        org.assertj.core.groups.Tuple.tuple("cart", 1L, FunnelStage.CART),
                        org.assertj.core.groups.Tuple.tuple("transaction", 3L, FunnelStage.PURCHASE),
                        org.assertj.core.groups.Tuple.tuple("buy", 1L, FunnelStage.PURCHASE),
                        org.assertj.core.groups.Tuple.tuple("fav", 1L, null));
    }

    @Test
    void dailyConversionAndWeeklySumsOfVisitorDays() {
        EventInsights insights = behaviour.events(ADMIN, events, EventFilter.all());

        // Monday: viewers u1 u2, buyer u1; Tuesday: viewers u3 u4 u5 u6, buyers u3 u4 u6
        assertThat(insights.daily()).containsExactly(new EventInsights.DayConversion(MONDAY, 2, 1),
                new EventInsights.DayConversion(TUESDAY, 4, 3));
        assertThat(insights.trend(TrendGrain.WEEK)).containsExactly(new EventInsights.DayConversion(MONDAY, 6, 4));
        assertThat(insights.trend(TrendGrain.WEEK).get(0).rate()).isCloseTo(4 / 6.0, within(1e-9));
    }

    @Test
    void heatmapCellsCountEventsByWeekdayAndHour() {
        EventInsights.HourGrid grid = behaviour.events(ADMIN, events, EventFilter.all()).weekdayHour();

        assertThat(grid.allEvents()[0][10]).isEqualTo(4);
        assertThat(grid.allEvents()[0][11]).isEqualTo(2);
        assertThat(grid.allEvents()[1][9]).isEqualTo(2);
        assertThat(grid.allEvents()[1][12]).isEqualTo(3);
        assertThat(grid.allEvents()[1][20]).isEqualTo(5);
        assertThat(grid.views()[1][20]).isEqualTo(2);
        assertThat(grid.purchases()[1][20]).isEqualTo(1);
        assertThat(grid.purchasesPerView(1, 20)).isCloseTo(0.5, within(1e-9));
        assertThat(grid.purchasesPerView(6, 3)).isNull();
        long total = 0;
        for (long[] day : grid.allEvents()) {
            for (long cell : day) {
                total += cell;
            }
        }
        assertThat(total).isEqualTo(16);
    }

    @Test
    void topItemsNeedTheMinimumViewersSoASingleViewPurchaseDoesNotLead() {
        EventInsights atTwo = behaviour.events(ADMIN, events, new EventFilter(null, null, null, 2));
        EventInsights atOne = behaviour.events(ADMIN, events, new EventFilter(null, null, null, 1));

        // A: viewers u1 u2 u3, cart u1, buyers u1 u3; C: viewers u4 u5, cart and buyer u4; B: 1 viewer, no
        // buyer; D: 1 of 1 (no visitor returns to an item on another day, so visitor-days are visitors here)
        assertThat(atTwo.topItems()).containsExactly(new EventInsights.ItemConversion("A", 3, 1, 2),
                new EventInsights.ItemConversion("C", 2, 1, 1));
        assertThat(atOne.topItems()).extracting(EventInsights.ItemConversion::item).containsExactly("D", "A", "C", "B");
    }

    @Test
    void aReturningVisitorCountsOnceInTheFunnelOncePerDayInTheTrendAndPerDayForItems() throws Exception {
        long returning = BehaviourFixtures.returningVisitor(imports, dir, "Returning-" + suffix);

        EventInsights all = behaviour.events(ADMIN, returning, new EventFilter(null, null, null, 1));
        EventInsights tuesday = behaviour.events(ADMIN, returning, new EventFilter(TUESDAY, TUESDAY, null, 1));

        assertThat(all.funnel()).extracting(EventInsights.FunnelStep::visitors).containsExactly(2L, 1L, 1L);
        assertThat(all.funnel()).extracting(EventInsights.FunnelStep::events).containsExactly(4L, 1L, 1L);
        assertThat(all.daily()).containsExactly(new EventInsights.DayConversion(MONDAY, 1, 0),
                new EventInsights.DayConversion(TUESDAY, 2, 1));
        assertThat(all.topItems()).containsExactly(new EventInsights.ItemConversion("Z", 3, 1, 1));
        assertThat(tuesday.funnel()).extracting(EventInsights.FunnelStep::visitors).containsExactly(2L, 1L, 1L);
        assertThat(tuesday.topItems()).containsExactly(new EventInsights.ItemConversion("Z", 2, 1, 1));
    }

    @Test
    void rollupsAreDeletedWithTheirDatasetAndRebuiltForDatasetsThatLackThem() {
        EventInsights before = behaviour.events(ADMIN, events, EventFilter.all());
        for (String table : ROLLUP_TABLES) {
            jdbc.update("delete from " + table + " where dataset_id = ?", events);
        }
        assertThat(behaviour.events(ADMIN, events, EventFilter.all()).isEmpty()).isTrue();

        backfill.run(null);

        EventInsights after = behaviour.events(ADMIN, events, EventFilter.all());
        assertThat(after.funnel()).isEqualTo(before.funnel());
        assertThat(after.daily()).isEqualTo(before.daily());
        assertThat(after.topItems()).isEqualTo(before.topItems());
        assertThat(after.events()).isEqualTo(16);
        datasets.delete(ADMIN, events);
        for (String table : ROLLUP_TABLES) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where dataset_id = ?", Long.class, events))
                    .isZero();
        }
    }

    @Test
    void dateAndCategoryFiltersNarrowEveryFigure() {
        EventInsights monday = behaviour.events(ADMIN, events, new EventFilter(MONDAY, MONDAY, null, 1));
        EventInsights gardenOnly = behaviour.events(ADMIN, events, new EventFilter(null, null, garden, 1));

        assertThat(monday.funnel()).extracting(EventInsights.FunnelStep::visitors).containsExactly(2L, 2L, 1L);
        assertThat(monday.events()).isEqualTo(6);
        assertThat(gardenOnly.funnel()).extracting(EventInsights.FunnelStep::visitors).containsExactly(2L, 1L, 1L);
        assertThat(gardenOnly.topItems()).containsExactly(new EventInsights.ItemConversion("C", 2, 1, 1));
        assertThat(behaviour.eventCategories(ADMIN, events)).containsExactly(garden, toys);
    }

    @Test
    void aManagerSeesOnlyTheEventsOfTheirCategories() {
        AccessScope toysManager = new AccessScope("toys-manager-" + suffix, false, Set.of(toys));

        EventInsights insights = behaviour.events(toysManager, events, EventFilter.all());

        assertThat(insights.events()).isEqualTo(11);
        assertThat(insights.funnel()).extracting(EventInsights.FunnelStep::visitors).containsExactly(4L, 3L, 3L);
        assertThat(insights.eventTypes()).extracting(EventInsights.EventType::rawType).doesNotContain("fav");
        assertThat(insights.topItems()).extracting(EventInsights.ItemConversion::item).doesNotContain("C");
        assertThat(behaviour.eventCategories(toysManager, events)).containsExactly(toys);
        assertThat(behaviour.events(toysManager, events, new EventFilter(null, null, garden, 1)).isEmpty()).isTrue();
    }

    @Test
    void aManagerCannotOpenAnotherUsersUnsharedEventDataset() throws Exception {
        String owner = TestUsers.create(users, Role.MANAGER, toys);
        long privateEvents = BehaviourFixtures.events(imports, dir, toys + "-private", garden, owner, false);
        String otherName = TestUsers.create(users, Role.MANAGER, toys);
        AccessScope other = users.scopeOf(otherName);

        assertThat(behaviour.datasets(other)).extracting(d -> d.id()).doesNotContain(privateEvents);
        assertThatThrownBy(() -> behaviour.events(other, privateEvents, EventFilter.all()))
                .isInstanceOf(UserFacingException.class);
        assertThat(behaviour.events(users.scopeOf(owner), privateEvents, EventFilter.all()).events()).isEqualTo(0);
    }

    @Test
    void sessionSegmentsByTextColumnInCalendarOrderAndByValueForFewNumbers() throws Exception {
        long sessions = BehaviourFixtures.sessions(imports, dir, "sessions " + suffix);

        SessionSegments visitors = behaviour.segments(ADMIN, sessions, "VisitorType");
        SessionSegments months = behaviour.segments(ADMIN, sessions, "Month");
        SessionSegments traffic = behaviour.segments(ADMIN, sessions, "TrafficType");

        assertThat(visitors.sessions()).isEqualTo(40);
        assertThat(visitors.purchases()).isEqualTo(7);
        assertThat(visitors.segments()).containsExactly(
                new SessionSegments.Segment("Returning_Visitor", null, null, 30, 3),
                new SessionSegments.Segment("New_Visitor", null, null, 10, 4));
        assertThat(visitors.segments().get(1).conversionRate()).isCloseTo(0.4, within(1e-9));
        assertThat(months.segments()).extracting(SessionSegments.Segment::label).containsExactly("Feb", "Mar");
        assertThat(traffic.binned()).isFalse();
        assertThat(traffic.segments()).extracting(SessionSegments.Segment::label, SessionSegments.Segment::sessions,
                        SessionSegments.Segment::purchases)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", 10L, 4L),
                        org.assertj.core.groups.Tuple.tuple("2", 30L, 3L));
        assertThat(behaviour.sessionColumns(ADMIN, sessions)).extracting(SessionSegments.Column::name)
                .containsExactlyInAnyOrder("VisitorType", "Month", "Weekend", "TrafficType", "PageValues");
    }

    @Test
    void manyValuedNumericColumnsAreBinnedIntoQuantileRanges() throws Exception {
        long sessions = BehaviourFixtures.sessions(imports, dir, "binned " + suffix);

        SessionSegments pageValues = behaviour.segments(ADMIN, sessions, "PageValues");

        // values 0..39; edges at sorted positions 7, 15, 23, 31; buyers have values 0-3 and 10-12
        assertThat(pageValues.binned()).isTrue();
        assertThat(pageValues.segments()).extracting(SessionSegments.Segment::label, SessionSegments.Segment::sessions,
                        SessionSegments.Segment::purchases)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("≤ 7", 8L, 4L),
                        org.assertj.core.groups.Tuple.tuple("7 – 15", 8L, 3L),
                        org.assertj.core.groups.Tuple.tuple("15 – 23", 8L, 0L),
                        org.assertj.core.groups.Tuple.tuple("23 – 31", 8L, 0L),
                        org.assertj.core.groups.Tuple.tuple("> 31", 8L, 0L));
    }

    @Test
    void numbersAreReadFromTheStoredArrayByPosition() {
        assertThat(BehaviourService.numberAt("[1.0,null,2.5E-4,64.0]", 0)).isEqualTo(1.0);
        assertThat(BehaviourService.numberAt("[1.0,null,2.5E-4,64.0]", 1)).isNull();
        assertThat(BehaviourService.numberAt("[1.0,null,2.5E-4,64.0]", 2)).isEqualTo(0.00025);
        assertThat(BehaviourService.numberAt("[1.0,null,2.5E-4,64.0]", 3)).isEqualTo(64.0);
        assertThat(BehaviourService.numberAt("[7]", 0)).isEqualTo(7.0);
    }

    @Test
    void quantileEdgesMergeWhereManySessionsShareAValue() {
        double[] mostlyZero = {0, 0, 0, 0, 0, 0, 0, 0, 5, 9};

        assertThat(BehaviourService.quantileEdges(mostlyZero)).containsExactly(0.0);
    }

    @Test
    void refusalsSayWhatIsWrong() throws Exception {
        long sessions = BehaviourFixtures.sessions(imports, dir, "too few " + suffix);

        assertThatThrownBy(() -> behaviour.trainPropensity(ADMIN, sessions, 42, model -> { }, () -> false))
                .isInstanceOf(UserFacingException.class)
                .satisfies(e -> assertThat(((UserFacingException) e).messageKey()).isEqualTo("propensity.label.tooFew"));
        assertThatThrownBy(() -> behaviour.segments(ADMIN, sessions, "Nope")).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> behaviour.events(ADMIN, sessions, EventFilter.all()))
                .isInstanceOf(UserFacingException.class);
    }
}
