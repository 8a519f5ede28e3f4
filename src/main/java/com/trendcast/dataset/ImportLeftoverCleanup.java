package com.trendcast.dataset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Crash recovery: an import interrupted by a crash or shutdown leaves its dataset in status IMPORTING (its
 * rows were never committed). The web application removes those at start. Command-line runs do not, as
 * the web application may be importing at that very moment.
 */
@Component
@Profile("!cli")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ImportLeftoverCleanup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportLeftoverCleanup.class);

    private final DatasetStore store;
    private final Instant started;

    ImportLeftoverCleanup(DatasetStore store, Clock clock) {
        this.store = store;
        this.started = clock.instant();
    }

    @Override
    public void run(ApplicationArguments args) {
        int removed = store.deleteImportingCreatedBefore(started);
        if (removed > 0) {
            log.warn("Removed {} dataset(s) left in status IMPORTING by an interrupted import", removed);
        }
    }
}
