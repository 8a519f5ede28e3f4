package com.trendcast.training;

import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * On server start, runs still marked running were cut off by a stop or crash: they become interrupted
 * (resumable from their last checkpoint) before the scheduler, which starts once the context is ready, picks
 * queued runs. Not in the command line, which runs beside a live server.
 */
@Component
@Profile("!cli")
class InterruptedRuns {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

    private final TrainingStore store;
    private final Clock clock;

    InterruptedRuns(TrainingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @PostConstruct
    void markInterrupted() {
        for (long id : store.idsInStatus(RunStatus.RUNNING)) {
            store.finish(id, RunStatus.INTERRUPTED, null, clock.instant());
            log.info("Training run {} was running when the application stopped: marked interrupted", id);
        }
    }
}
