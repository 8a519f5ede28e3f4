package com.trendcast.dataset;

import com.trendcast.dataset.read.mapping.ColumnMapping;
import com.trendcast.dataset.read.mapping.DatasetKind;
import com.trendcast.security.UserService;
import com.trendcast.security.UserSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * On the first start of an empty database, imports the UCI demo datasets through {@link DatasetImportService},
 * exactly as an upload in the data view would be imported, so a new installation has something to explore:
 * <ul>
 *   <li>"UCI Online Retail (demo)": order lines with returns NET (cancellations subtract from the day's sales, so
 *       the stored figures are net sales), products placed by {@link OnlineRetailCategories}; not shared, as
 *       managers see it through the categories they are responsible for;</li>
 *   <li>"UCI Online Shoppers (demo)": web sessions, shared with every manager (they touch no category).</li>
 * </ul>
 * Both are owned by the bootstrap admin. The import runs on the application task executor after the admin
 * bootstrap and the leftover cleanup, so it never delays the login page. Nothing is imported when
 * {@code trendcast.demo-data} is false, when the {@value #MARKER} marker in {@code app_state} says it was done
 * before, or when any dataset exists. The marker is written only after both imports succeeded; if the second
 * fails the first is removed again, so the next start tries both anew. Success is published as
 * {@link DemoDataImported}.
 */
@Component
@Profile("!cli")
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoDataLoader implements ApplicationRunner {

    static final String MARKER = "demo-data.imported";
    static final String SALES_NAME = "UCI Online Retail (demo)";
    static final String SESSIONS_NAME = "UCI Online Shoppers (demo)";
    private static final String OWNER = "admin";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DatasetImportService imports;
    private final DatasetStore store;
    private final UserService users;
    private final TaskExecutor executor;
    private final Clock clock;
    private final boolean enabled;
    private final Resource salesFile;
    private final Resource sessionsFile;
    private final ApplicationEventPublisher events;

    DemoDataLoader(DatasetImportService imports, DatasetStore store, UserService users,
                   @Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock,
                   @Value("${trendcast.demo-data}") boolean enabled,
                   @Value("${trendcast.demo-data-files.sales}") Resource salesFile,
                   @Value("${trendcast.demo-data-files.sessions}") Resource sessionsFile,
                   ApplicationEventPublisher events) {
        this.imports = imports;
        this.store = store;
        this.users = users;
        this.executor = executor;
        this.clock = clock;
        this.enabled = enabled;
        this.salesFile = salesFile;
        this.sessionsFile = sessionsFile;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            executor.execute(this::importIfFirstStart);
        }
    }

    /** Imports both demo datasets unless demo data was imported before or any dataset exists; true if it did. */
    boolean importIfFirstStart() {
        if (store.state(MARKER).isPresent()) {
            return false;
        }
        if (store.hasAnyDataset()) {
            log.info("Demo data not imported: the database already has datasets");
            return false;
        }
        long started = System.nanoTime();
        log.info("Importing the demo data in the background: {} and {}", salesFile.getFilename(),
                sessionsFile.getFilename());
        String owner = users.find(OWNER).map(UserSummary::username).orElse(null);
        ImportResult sales;
        try {
            sales = importResource(salesFile, DatasetKind.SALES, request -> request
                    .withDatasetName(SALES_NAME)
                    .withReturns(ReturnsPolicy.NET)
                    .withCategoryRule(new OnlineRetailCategories())
                    .withOwner(owner));
        } catch (RuntimeException e) {
            log.warn("Demo data not imported: {} failed: {}", salesFile.getFilename(), e.getMessage());
            return false;
        }
        ImportResult sessions;
        try {
            sessions = importResource(sessionsFile, DatasetKind.SESSIONS, request -> request
                    .withDatasetName(SESSIONS_NAME)
                    .withSharedWithEveryone(true)
                    .withOwner(owner));
        } catch (RuntimeException e) {
            store.delete(sales.datasetId());
            log.warn("Demo data not imported: {} failed: {}; removed the demo sales dataset again",
                    sessionsFile.getFilename(), e.getMessage());
            return false;
        }
        store.saveState(MARKER, "datasets " + sales.datasetId() + ", " + sessions.datasetId(), clock.instant());
        ImportReport salesReport = sales.report();
        log.info("Demo data imported in {} ms: '{}' {} order lines ({} returns netted, {} rejected), '{}' {} sessions",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), SALES_NAME, salesReport.rowsImported(),
                salesReport.returnRows(), salesReport.rowsRejected(), SESSIONS_NAME, sessions.report().rowsImported());
        events.publishEvent(new DemoDataImported(sales.datasetId(), owner != null ? owner : OWNER));
        return true;
    }

    /** The reader needs a file, and a resource may live inside the application jar: copy it out first. */
    private ImportResult importResource(Resource resource, DatasetKind expectedKind, UnaryOperator<ImportRequest> options) {
        String fileName = resource.getFilename();
        Path copy = copyToWorkDirectory(resource, fileName);
        try {
            ColumnMapping mapping = imports.preview(copy, null).proposal().mapping();
            if (mapping.kind() != expectedKind) {
                throw new IllegalStateException("read as " + mapping.kind() + " instead of " + expectedKind);
            }
            return imports.importFile(options.apply(ImportRequest.of(copy, fileName, mapping).withSkipInvalid(true)));
        } finally {
            deleteQuietly(copy);
        }
    }

    private Path copyToWorkDirectory(Resource resource, String fileName) {
        Path copy;
        try {
            copy = Files.createTempFile(imports.workDirectory(), "demo-", "-" + fileName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file: " + e.getMessage(), e);
        }
        try (InputStream in = resource.getInputStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            deleteQuietly(copy);
            throw new UncheckedIOException("cannot copy " + resource.getDescription() + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the temporary copy {}: {}", file, e.getMessage());
        }
    }
}
