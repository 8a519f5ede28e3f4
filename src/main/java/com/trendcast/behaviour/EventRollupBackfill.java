package com.trendcast.behaviour;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Event datasets imported before the rollups existed (migration V9) get them at the first start of the web
 * application, one dataset per transaction. Command-line runs leave this to the web application, which may
 * be running at the same moment.
 */
@Component
@Profile("!cli")
class EventRollupBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EventRollupBackfill.class);

    private final JdbcTemplate jdbc;
    private final EventRollups rollups;
    private final TransactionTemplate transactions;

    EventRollupBackfill(JdbcTemplate jdbc, EventRollups rollups, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Long> missing = jdbc.queryForList("select d.id from dataset d where d.kind = 'EVENTS' and d.status = 'READY'"
                + " and not exists (select 1 from behaviour_event_hour h where h.dataset_id = d.id)"
                + " and exists (select 1 from behaviour_event e where e.dataset_id = d.id)", Long.class);
        for (long datasetId : missing) {
            long started = System.nanoTime();
            transactions.executeWithoutResult(status -> rollups.rebuild(datasetId));
            log.info("Wrote the behaviour rollups of event dataset {} in {} ms", datasetId,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
