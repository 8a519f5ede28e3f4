package com.trendcast.bench;

import com.trendcast.TrendcastApplication;
import com.trendcast.behaviour.BehaviourService;
import com.trendcast.behaviour.EventFilter;
import com.trendcast.behaviour.EventInsights;
import com.trendcast.behaviour.EventRollups;
import com.trendcast.behaviour.PropensityRun;
import com.trendcast.behaviour.SessionSegments;
import com.trendcast.behaviour.propensity.ClassificationMetrics;
import com.trendcast.behaviour.propensity.LabelledTable;
import com.trendcast.behaviour.propensity.PropensityWorkflow;
import com.trendcast.dataset.DatasetImportService;
import com.trendcast.dataset.ImportRequest;
import com.trendcast.dataset.read.mapping.ColumnMapping;
import com.trendcast.security.AccessScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour page's service calls on the demo UCI Online Shoppers sessions (12,330) and on 200,000 synthetic
 * events, each against the bare SQL it issues, and propensity training through the UI's path (sessions read from
 * the database) against the command line's path (the same file read directly), with the held-out metrics every
 * model reaches. The events page is also compared with the statements it ran on {@code behaviour_event} before
 * the rollups (V9), and the rollups' import cost with the rest of the import. Excluded from the normal test
 * run; run it with
 * <pre>
 * nice -n 5 OMP_NUM_THREADS=1 ./mvnw -o test -Dtest=BehaviourBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludes=none
 * </pre>
 * and choose parts with {@code -Dbench.parts=sessions,propensity,events} (default all three; propensity training
 * takes minutes) and the number of events with {@code -Dbench.events=300000}.
 */
class BehaviourBenchmark {

    private static final Path SESSIONS = Path.of("src/main/resources/demo/online_shoppers_intention.csv.gz");
    private static final AccessScope ADMIN = AccessScope.operator();
    private static final int EVENTS = Integer.getInteger("bench.events", 200_000);
    private static final Set<String> PARTS = Set.of(System.getProperty("bench.parts", "sessions,propensity,events")
            .split(","));
    private static final int REPEATS = 7;
    /** The old statements took seconds each: fewer repeats. */
    private static final int OLD_REPEATS = 3;
    /** The statements {@link BehaviourService#events} issues for an admin without a filter (default minimum viewers). */
    private static final List<String> ROLLUP_SQL = List.of(
            "select r.event_day, r.event_hour, r.event_type, sum(r.events) from behaviour_event_hour r"
                    + " where r.dataset_id = ? group by r.event_day, r.event_hour, r.event_type",
            "select r.event_day, r.visitor_no, r.event_type from behaviour_visitor_day r where r.dataset_id = ?"
                    + " order by r.event_day",
            "select item, viewers, carts, buyers from (select r.item,"
                    + " sum(case when r.event_type in ('view') then r.visitors else 0 end) as viewers,"
                    + " sum(case when r.event_type in ('addtocart') then r.visitors else 0 end) as carts,"
                    + " sum(case when r.event_type in ('transaction') then r.visitors else 0 end) as buyers"
                    + " from behaviour_item_day r where r.dataset_id = ? group by r.item) items where viewers >= 20"
                    + " order by cast(buyers as double precision) / viewers desc, viewers desc, item limit 15");
    private static final String VISITOR = "coalesce(e.user_id, e.session_id)";
    private static final String VIEW = "e.event_type in ('view')";
    private static final String PURCHASE = "e.event_type in ('transaction')";
    /** The statements the events page ran on behaviour_event before the rollups (V9), for an admin without a filter. */
    private static final List<String> OLD_SQL = List.of(
            "select e.event_type, count(*) from behaviour_event e where e.dataset_id = ? group by e.event_type"
                    + " order by count(*) desc, e.event_type",
            "select " + distinct(VIEW) + ", " + distinct("e.event_type in ('addtocart')") + ", " + distinct(PURCHASE)
                    + ", " + count(VIEW) + ", " + count("e.event_type in ('addtocart')") + ", " + count(PURCHASE)
                    + ", min(e.occurred_at), max(e.occurred_at), count(*) from behaviour_event e where e.dataset_id = ?",
            "select cast(e.occurred_at as date), " + distinct(VIEW) + ", " + distinct(PURCHASE) + " from behaviour_event e"
                    + " where e.dataset_id = ? group by cast(e.occurred_at as date) order by cast(e.occurred_at as date)",
            "select cast(e.occurred_at as date), extract(hour from e.occurred_at), " + count(VIEW) + ", " + count(PURCHASE)
                    + ", count(*) from behaviour_event e where e.dataset_id = ? group by cast(e.occurred_at as date),"
                    + " extract(hour from e.occurred_at)",
            "select item, viewers, buyers from (select e.item, " + distinct(VIEW) + " as viewers, " + distinct(PURCHASE)
                    + " as buyers from behaviour_event e where e.dataset_id = ? and e.item is not null group by e.item)"
                    + " items where viewers >= 20 order by cast(buyers as double precision) / viewers desc, viewers desc,"
                    + " item limit 15");

    @Test
    void behaviourPageAndPropensity(@TempDir Path work) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TrendcastApplication.class)
                .profiles("cli")
                // H2 answers a repeated identical query from its result cache; measure the real work instead
                .run("--spring.datasource.url=jdbc:h2:file:" + work.resolve("trendcast") + ";OPTIMIZE_REUSE_RESULTS=0",
                        "--trendcast.uploads-dir=" + work.resolve("uploads"))) {
            DatasetImportService imports = context.getBean(DatasetImportService.class);
            BehaviourService behaviour = context.getBean(BehaviourService.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            if (PARTS.contains("sessions") || PARTS.contains("propensity")) {
                sessionsAndPropensity(imports, behaviour, jdbc);
            }
            if (PARTS.contains("events")) {
                events(imports, behaviour, jdbc, context.getBean(EventRollups.class),
                        context.getBean(PlatformTransactionManager.class), work);
            }
        }
    }

    private static void sessionsAndPropensity(DatasetImportService imports, BehaviourService behaviour, JdbcTemplate jdbc) {
        long sessions = importProposed(imports, SESSIONS, "sessions");
        if (PARTS.contains("sessions")) {
            double pageMillis = median(() -> {
                behaviour.sessionColumns(ADMIN, sessions);
                return behaviour.segments(ADMIN, sessions, "VisitorType");
            });
            double textScanMillis = median(() -> jdbc.queryForList("select categorical_values, label from session_record"
                    + " where dataset_id = ?", sessions));
            double numericMillis = median(() -> behaviour.segments(ADMIN, sessions, "PageValues"));
            double numericScanMillis = median(() -> jdbc.queryForList("select numeric_values, label from session_record"
                    + " where dataset_id = ?", sessions));
            SessionSegments visitors = behaviour.segments(ADMIN, sessions, "VisitorType");
            System.out.printf(Locale.ROOT, "sessions page (columns + VisitorType segments) %.1f ms; bare scan of the"
                    + " text values %.1f ms; ratio %.2f%n", pageMillis, textScanMillis, pageMillis / textScanMillis);
            System.out.printf(Locale.ROOT, "PageValues (numeric, binned) %.1f ms; bare scan of the numeric values %.1f ms;"
                    + " ratio %.2f%n", numericMillis, numericScanMillis, numericMillis / numericScanMillis);
            System.out.printf(Locale.ROOT, "%d sessions, %d purchases; %s%n", visitors.sessions(), visitors.purchases(),
                    visitors.segments());
        }
        if (PARTS.contains("propensity")) {
            // the first training pays for loading the native libraries (ND4J, XGBoost) and JIT warm-up
            long started = System.nanoTime();
            fileComparison();
            double coldSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            PropensityRun run = behaviour.trainPropensity(ADMIN, sessions, 42, model -> { }, () -> false);
            double uiSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            PropensityWorkflow.Comparison cli = fileComparison();
            double fileSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "propensity via the UI path (database) %.1f s, of which training %.1f s; via the"
                    + " file (CLI path) %.1f s (%.1f s cold); ratio %.2f; %d training and %d held-out sessions%n", uiSeconds,
                    run.trainingTime().toMillis() / 1e3, fileSeconds, coldSeconds, uiSeconds / fileSeconds,
                    run.trainingSessions(), run.testLabels().length);
            for (String model : run.modelNames()) {
                ClassificationMetrics m = run.metrics(model, 0.5);
                ClassificationMetrics fromFile = ClassificationMetrics.of(cli.testLabels(), cli.models().stream()
                        .filter(s -> s.model().equals(model)).findFirst().orElseThrow().scores(), 0.5);
                System.out.printf(Locale.ROOT, "held-out %-9s ROC AUC %.4f  PR AUC %.4f  accuracy %.4f  precision %.4f"
                                + "  recall %.4f  F1 %.4f   (file path ROC AUC %.4f)%n", model, m.rocAuc(), m.prAuc(),
                        m.accuracy(), m.precision(), m.recall(), m.f1(), fromFile.rocAuc());
            }
        }
    }

    private static void events(DatasetImportService imports, BehaviourService behaviour, JdbcTemplate jdbc,
                               EventRollups rollups, PlatformTransactionManager transactions, Path work) throws Exception {
        Path eventsFile = syntheticEvents(work.resolve("events.csv"));
        long started = System.nanoTime();
        long events = importProposed(imports, eventsFile, "events");
        double importSeconds = (System.nanoTime() - started) / 1e9;
        // the same rollups again on their own (rebuild replaces them), to split the import's cost
        started = System.nanoTime();
        new TransactionTemplate(transactions).executeWithoutResult(status -> rollups.rebuild(events));
        double rollupSeconds = (System.nanoTime() - started) / 1e9;
        long[] rows = new long[3];
        int t = 0;
        for (String table : List.of("behaviour_event_hour", "behaviour_visitor_day", "behaviour_item_day")) {
            rows[t++] = jdbc.queryForObject("select count(*) from " + table + " where dataset_id = ?", Long.class, events);
        }
        System.out.printf(Locale.ROOT, "imported %,d events in %.1f s, of which the rollups take about %.1f s (rebuilt"
                        + " alone): %.2f x the rest of the import (reading, checking and inserting the events); rollup rows:"
                        + " %,d hourly, %,d visitor-day, %,d item-day%n", EVENTS, importSeconds, rollupSeconds,
                rollupSeconds / (importSeconds - rollupSeconds), rows[0], rows[1], rows[2]);

        double eventsMillis = median(REPEATS, () -> behaviour.events(ADMIN, events, EventFilter.all()));
        double bareMillis = median(REPEATS, () -> scanAll(jdbc, ROLLUP_SQL, events));
        double oldMillis = median(OLD_REPEATS, () -> scanAll(jdbc, OLD_SQL, events));
        double distinctScanMillis = median(OLD_REPEATS, () -> jdbc.queryForObject("select count(distinct"
                + " coalesce(user_id, session_id)) from behaviour_event where dataset_id = ?", Long.class, events));
        AccessScope manager = new AccessScope("bench-manager", false, Set.of("Toys"));
        double managerMillis = median(REPEATS, () -> behaviour.events(manager, events, EventFilter.all()));
        EventFilter twoWeeks = new EventFilter(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 14), null,
                EventFilter.DEFAULT_MIN_ITEM_VIEWERS);
        double rangeMillis = median(REPEATS, () -> behaviour.events(ADMIN, events, twoWeeks));
        double categoriesMillis = median(REPEATS, () -> behaviour.eventCategories(ADMIN, events));
        EventInsights insights = behaviour.events(ADMIN, events, EventFilter.all());
        System.out.printf(Locale.ROOT, "events page (funnel, trend, heatmap, top items) %.1f ms; the bare SQL it issues"
                        + " %.1f ms (service / SQL %.2f); the statements it ran on behaviour_event before the rollups %.1f ms"
                        + " (old / new %.1f); one distinct-visitor scan of the events %.1f ms (new page / that scan %.2f)%n",
                eventsMillis, bareMillis, eventsMillis / bareMillis, oldMillis, oldMillis / eventsMillis,
                distinctScanMillis, eventsMillis / distinctScanMillis);
        System.out.printf(Locale.ROOT, "drill and filter: manager with one of five categories %.1f ms; two weeks of 13 %.1f ms;"
                + " category list %.1f ms%n", managerMillis, rangeMillis, categoriesMillis);
        System.out.printf(Locale.ROOT, "funnel %s; top item %s%n", insights.funnel(),
                insights.topItems().isEmpty() ? "none" : insights.topItems().get(0));
        assertThat(insights.events()).isEqualTo(EVENTS);
    }

    /** Runs each statement and reads every column of every row, as a caller that uses all of it would. */
    private static long scanAll(JdbcTemplate jdbc, List<String> statements, long datasetId) {
        long[] cells = new long[1];
        for (String sql : statements) {
            jdbc.query(sql, rs -> {
                int columns = rs.getMetaData().getColumnCount();
                for (int c = 1; c <= columns; c++) {
                    rs.getObject(c);
                }
                cells[0] += columns;
            }, datasetId);
        }
        return cells[0];
    }

    private static String distinct(String condition) {
        return "count(distinct case when " + condition + " then " + VISITOR + " end)";
    }

    private static String count(String condition) {
        return "sum(case when " + condition + " then 1 else 0 end)";
    }

    private static PropensityWorkflow.Comparison fileComparison() {
        return PropensityWorkflow.compareOnHoldout(LabelledTable.read(SESSIONS, "Revenue", true),
                PropensityRun.TEST_SHARE, 42, model -> { }, () -> false);
    }

    private static long importProposed(DatasetImportService imports, Path file, String name) {
        ColumnMapping mapping = imports.preview(file, null).proposal().mapping();
        return imports.importFile(ImportRequest.of(file, file.getFileName().toString(), mapping).withDatasetName(name)
                .withSharedWithEveryone(true)).datasetId();
    }

    /** Median wall time in milliseconds of {@link #REPEATS} calls after two warm-up calls. */
    private static double median(Supplier<?> call) {
        return median(REPEATS, call);
    }

    /** Median wall time in milliseconds of {@code repeats} calls after two warm-up calls. */
    private static double median(int repeats, Supplier<?> call) {
        call.get();
        call.get();
        double[] millis = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long started = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return millis[repeats / 2];
    }

    /** 20,000 visitors over 90 days viewing 2,000 items in five categories; a tenth of views add to cart, a third of those buy. */
    private static Path syntheticEvents(Path file) throws Exception {
        Random random = new Random(11);
        String[] categories = {"Toys", "Garden", "Kitchen", "Books", "Sport"};
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("timestamp,visitorid,event,itemid,category\n");
            int written = 0;
            while (written < EVENTS) {
                int item = random.nextInt(2_000);
                String visitor = "v" + random.nextInt(20_000);
                LocalDateTime at = start.plusMinutes(random.nextInt(90 * 24 * 60));
                String category = categories[item % categories.length];
                out.write(at + "," + visitor + ",view,I" + item + "," + category + "\n");
                written++;
                if (random.nextInt(10) == 0 && written < EVENTS) {
                    out.write(at.plusMinutes(1) + "," + visitor + ",addtocart,I" + item + "," + category + "\n");
                    written++;
                    if (random.nextInt(3) == 0 && written < EVENTS) {
                        out.write(at.plusMinutes(3) + "," + visitor + ",transaction,I" + item + "," + category + "\n");
                        written++;
                    }
                }
            }
        }
        return file;
    }
}
