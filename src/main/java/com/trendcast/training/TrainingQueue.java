package com.trendcast.training;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;

/**
 * The persistent queue: one db-scheduler task instance per run start, holding the run id. db-scheduler keeps the
 * instance in {@code scheduled_tasks} until a thread has executed it, so queued runs survive restarts. A run
 * whose backend has no free slot goes back to the queue for a few seconds instead of holding a thread.
 */
@Configuration
class TrainingQueue {

    static final String TASK_NAME = "training-run";
    private static final int RETRY_SECONDS = 3;
    private static final Logger log = LoggerFactory.getLogger(TrainingQueue.class);

    @Bean
    CustomTask<Long> trainingRunTask(TrainingRunner runner) {
        return Tasks.custom(TASK_NAME, Long.class).execute((instance, context) -> {
            boolean ran = runner.runIfSlotFree(instance.getData());
            if (ran) {
                return new CompletionHandler.OnCompleteRemove<>();
            }
            return (complete, operations) -> operations.reschedule(complete, Instant.now().plusSeconds(RETRY_SECONDS));
        });
    }

    /** Schedules a run's execution now under a unique instance id. */
    static void enqueue(SchedulerClient scheduler, CustomTask<Long> task, String instanceId, long runId) {
        scheduler.scheduleIfNotExists(task.instance(instanceId, runId), Instant.now());
    }

    @Bean
    TrainingQueueClient trainingQueueClient(ObjectProvider<SchedulerClient> scheduler,
                                            CustomTask<Long> trainingRunTask) {
        return new TrainingQueueClient(scheduler, trainingRunTask);
    }

    /**
     * Enqueues and dequeues runs. The scheduler is looked up on use: the command line runs without one
     * ({@code db-scheduler.enabled=false}) and never launches runs.
     */
    record TrainingQueueClient(ObjectProvider<SchedulerClient> scheduler, CustomTask<Long> task) {

        void enqueue(String instanceId, long runId) {
            TrainingQueue.enqueue(client(), task, instanceId, runId);
        }

        /**
         * Removes a run's task when it is still waiting. A task the scheduler picked in the meantime cannot be
         * removed any more; that is harmless because the run's status is no longer queued, so the runner does not
         * start it and the task completes at once.
         */
        void dequeue(String instanceId) {
            SchedulerClient client = client();
            try {
                if (client.getScheduledExecution(task.instance(instanceId)).isPresent()) {
                    client.cancel(task.instance(instanceId));
                }
            } catch (TaskInstanceException e) {
                log.debug("Task {} was picked before it could be removed: {}", instanceId, e.getMessage());
            }
        }

        private SchedulerClient client() {
            SchedulerClient client = scheduler.getIfAvailable();
            if (client == null) {
                throw new IllegalStateException("The training queue is disabled (db-scheduler.enabled=false)");
            }
            return client;
        }
    }
}
