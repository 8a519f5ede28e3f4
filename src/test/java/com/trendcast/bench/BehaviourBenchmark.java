package com.trendcast.bench;

import com.trendcast.TrendcastApplication;
import com.trendcast.behaviour.BehaviourService;
import com.trendcast.behaviour.EventFilter;
import com.trendcast.behaviour.EventInsights;
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

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour page's service calls on the demo UCI Online Shoppers sessions (12,330) and on 200,000 synthetic
 * events, each against the bare SQL scan it cannot avoid, and propensity training through the UI's path
 * (sessions read from the database) against the command line's path (the same file read directly), with the
 * held-out metrics every model reaches. Excluded from the normal test run; run it with
 * <pre>
 * OMP_NUM_THREADS=1 ./mvnw -o test -Dtest=BehaviourBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludes=none
 * </pre>
 */
class BehaviourBenchmark {

    private static final Path SESSIONS = Path.of("src/main/resources/demo/online_shoppers_intention.csv.gz");
    private static final AccessScope ADMIN = AccessScope.operator();
    private static final int EVENTS = 200_000;
    private static final int REPEATS = 7;

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

            long sessions = importProposed(imports, SESSIONS, "sessions");
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

            Path eventsFile = syntheticEvents(work.resolve("events.csv"));
            started = System.nanoTime();
            long events = importProposed(imports, eventsFile, "events");
            System.out.printf(Locale.ROOT, "imported %,d events in %.1f s%n", EVENTS, (System.nanoTime() - started) / 1e9);
            double eventsMillis = median(() -> behaviour.events(ADMIN, events, EventFilter.all()));
            double eventsScanMillis = median(() -> jdbc.queryForObject("select count(distinct coalesce(user_id, session_id))"
                    + " from behaviour_event where dataset_id = ?", Long.class, events));
            AccessScope manager = new AccessScope("bench-manager", false, java.util.Set.of("Toys"));
            double managerMillis = median(() -> behaviour.events(manager, events, EventFilter.all()));
            EventInsights insights = behaviour.events(ADMIN, events, EventFilter.all());
            System.out.printf(Locale.ROOT, "events page (funnel, trend, heatmap, top items) %.1f ms (manager, one of five"
                            + " categories: %.1f ms); one distinct-visitor scan %.1f ms; ratio %.2f; funnel %s%n",
                    eventsMillis, managerMillis, eventsScanMillis, eventsMillis / eventsScanMillis, insights.funnel());
            assertThat(insights.events()).isEqualTo(EVENTS);
        }
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
        call.get();
        call.get();
        double[] millis = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long started = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return millis[REPEATS / 2];
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
