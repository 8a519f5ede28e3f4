package com.trendcast.behaviour;

import com.trendcast.dataset.DatasetImportService;
import com.trendcast.dataset.ImportRequest;
import com.trendcast.dataset.read.mapping.ColumnMapping;
import com.trendcast.dataset.read.mapping.DatasetKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;

/**
 * Small behaviour datasets imported through {@link DatasetImportService} exactly as an upload would be, with
 * figures worked out by hand in the comments. Category names carry a suffix so tests sharing one database
 * never see each other's rows through a manager's categories.
 */
public final class BehaviourFixtures {

    private BehaviourFixtures() {
    }

    /**
     * Seven visitors on Monday 2024-03-04 and Tuesday 2024-03-05, categories {@code toys} and {@code garden}:
     * <pre>
     * u1 toys   Mon 10:15 view A, 10:20 addtocart A, 10:30 transaction A
     * u2 toys   Mon 10:40 view A, 11:05 view B, 11:10 cart B
     * u3 toys   Tue 09:00 pageview A, 09:05 buy A                 (a purchase without a cart step)
     * u6 toys   Tue 12:00 view D, 12:01 addtocart D, 12:02 transaction D   (D: 1 viewer, 1 buyer)
     * u4 garden Tue 20:00 view C, 20:01 addtocart C, 20:02 transaction C
     * u5 garden Tue 20:30 view C, 20:31 fav C                    (fav is not a funnel step)
     * </pre>
     * All: 16 events; viewers 6, carts 4, buyers 4. Toys only: 11 events; viewers 4, carts 3, buyers 3.
     */
    public static long events(DatasetImportService imports, Path dir, String toys, String garden, String owner,
                              boolean shared) throws IOException {
        String csv = """
                timestamp,visitorid,event,itemid,category
                2024-03-04 10:15:00,u1,view,A,%1$s
                2024-03-04 10:20:00,u1,addtocart,A,%1$s
                2024-03-04 10:30:00,u1,transaction,A,%1$s
                2024-03-04 10:40:00,u2,view,A,%1$s
                2024-03-04 11:05:00,u2,view,B,%1$s
                2024-03-04 11:10:00,u2,cart,B,%1$s
                2024-03-05 09:00:00,u3,pageview,A,%1$s
                2024-03-05 09:05:00,u3,buy,A,%1$s
                2024-03-05 12:00:00,u6,view,D,%1$s
                2024-03-05 12:01:00,u6,addtocart,D,%1$s
                2024-03-05 12:02:00,u6,transaction,D,%1$s
                2024-03-05 20:00:00,u4,view,C,%2$s
                2024-03-05 20:01:00,u4,addtocart,C,%2$s
                2024-03-05 20:02:00,u4,transaction,C,%2$s
                2024-03-05 20:30:00,u5,view,C,%2$s
                2024-03-05 20:31:00,u5,fav,C,%2$s
                """.formatted(toys, garden);
        Path file = dir.resolve("events-" + toys + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        ColumnMapping mapping = new ColumnMapping(DatasetKind.EVENTS, Map.of("timestamp", "timestamp",
                "userId", "visitorid", "eventType", "event", "item", "itemid", "category", "category"),
                List.of(), Map.of(), Map.of());
        return imports.importFile(ImportRequest.of(file, file.getFileName().toString(), mapping)
                .withDatasetName("events " + toys).withOwner(owner).withSharedWithEveryone(shared)).datasetId();
    }

    /**
     * One visitor who comes back to an item on a second day, in category {@code category}:
     * <pre>
     * r1 Mon 2024-03-04 09:00 view Z
     * r1 Tue 2024-03-05 09:00 view Z, 09:10 addtocart Z, 09:20 transaction Z
     * r2 Tue 2024-03-05 10:00 view Z, 10:05 view Z
     * </pre>
     * Funnel: viewers 2 (r1, r2), carts 1, buyers 1. Monday 1 viewer, 0 buyers; Tuesday 2 viewers, 1 buyer.
     * Item Z in visitor-days: viewer-days 3 (r1 Mon, r1 Tue, r2 Tue), cart-days 1, buyer-days 1.
     */
    public static long returningVisitor(DatasetImportService imports, Path dir, String category) throws IOException {
        String csv = """
                timestamp,visitorid,event,itemid,category
                2024-03-04 09:00:00,r1,view,Z,%1$s
                2024-03-05 09:00:00,r1,view,Z,%1$s
                2024-03-05 09:10:00,r1,addtocart,Z,%1$s
                2024-03-05 09:20:00,r1,transaction,Z,%1$s
                2024-03-05 10:00:00,r2,view,Z,%1$s
                2024-03-05 10:05:00,r2,view,Z,%1$s
                """.formatted(category);
        Path file = dir.resolve("returning-" + category + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        ColumnMapping mapping = new ColumnMapping(DatasetKind.EVENTS, Map.of("timestamp", "timestamp",
                "userId", "visitorid", "eventType", "event", "item", "itemid", "category", "category"),
                List.of(), Map.of(), Map.of());
        return imports.importFile(ImportRequest.of(file, file.getFileName().toString(), mapping)
                .withDatasetName("returning " + category).withSharedWithEveryone(true)).datasetId();
    }

    /**
     * 40 sessions: 10 new visitors in Feb at the weekend from traffic type 1 with page values 0–9, of which the
     * first 4 bought; 30 returning visitors in Mar on weekdays from traffic type 2 with page values 10–39, of
     * which the first 3 bought.
     */
    public static long sessions(DatasetImportService imports, Path dir, String name) throws IOException {
        StringJoiner csv = new StringJoiner("\n", "", "\n");
        csv.add("VisitorType,Month,Weekend,TrafficType,PageValues,Revenue");
        for (int i = 0; i < 10; i++) {
            csv.add("New_Visitor,Feb,TRUE,1," + i + "," + (i < 4 ? "TRUE" : "FALSE"));
        }
        for (int i = 0; i < 30; i++) {
            csv.add("Returning_Visitor,Mar,FALSE,2," + (10 + i) + "," + (i < 3 ? "TRUE" : "FALSE"));
        }
        return importSessions(imports, dir, name, csv.toString(),
                List.of("VisitorType", "Month", "Weekend", "TrafficType", "PageValues"));
    }

    /**
     * 400 sessions, 100 of them buyers, whose page values overlap (buyers 20–80, others 0–60) so a model
     * ranks well but not perfectly and moving the threshold moves sessions between the matrix cells. A
     * stratified 30 % holdout has 30 buyers and 90 non-buyers. The visitor type of every fifth session is
     * the formula {@code =1+1}, to check that exports neutralise it.
     */
    public static long separableSessions(DatasetImportService imports, Path dir, String name) throws IOException {
        Random random = new Random(7);
        StringJoiner csv = new StringJoiner("\n", "", "\n");
        csv.add("VisitorType,PageValues,ProductRelated,Revenue");
        for (int i = 0; i < 400; i++) {
            boolean buyer = i % 4 == 0;
            double pageValue = buyer ? 20 + random.nextDouble() * 60 : random.nextDouble() * 60;
            String visitor = i % 5 == 0 ? "=1+1" : i % 3 == 0 ? "New_Visitor" : "Returning_Visitor";
            csv.add(visitor + "," + String.format(java.util.Locale.ROOT, "%.2f", pageValue) + "," + (i % 17) + ","
                    + (buyer ? "TRUE" : "FALSE"));
        }
        return importSessions(imports, dir, name, csv.toString(), List.of("VisitorType", "PageValues", "ProductRelated"));
    }

    private static long importSessions(DatasetImportService imports, Path dir, String name, String csv,
                                       List<String> features) throws IOException {
        Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9]", "_") + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        ColumnMapping mapping = new ColumnMapping(DatasetKind.SESSIONS, Map.of("label", "Revenue"), features,
                Map.of(), Map.of());
        return imports.importFile(ImportRequest.of(file, file.getFileName().toString(), mapping)
                .withDatasetName(name).withSharedWithEveryone(true)).datasetId();
    }
}
