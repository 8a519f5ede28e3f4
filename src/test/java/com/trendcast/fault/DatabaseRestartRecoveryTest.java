package com.trendcast.fault;

import com.trendcast.TrendcastApplication;
import com.trendcast.security.Role;
import com.trendcast.security.UserService;
import com.trendcast.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fault test: PostgreSQL stops and starts again while the application runs. Meanwhile calls fail quickly with
 * a data-access error (no hang, no corrupt state), and afterwards the same application context reads and
 * writes again without a restart. Needs the command that controls the test cluster in
 * {@code TRENDCAST_TEST_PG_CTL} (e.g. {@code pg_ctlcluster 15 main}; CI sets it), as the test stops the server.
 */
class DatabaseRestartRecoveryTest {

    private static final String CONTROL = System.getenv("TRENDCAST_TEST_PG_CTL");
    /** The pool's connection timeout in the application configuration, plus room for a loaded machine. */
    private static final Duration FAIL_WITHIN = Duration.ofSeconds(20);
    private static final Duration RECOVER_WITHIN = Duration.ofSeconds(60);

    private ConfigurableApplicationContext context;

    @AfterEach
    void stop() throws Exception {
        if (CONTROL != null) {
            control("start");
        }
        if (context != null) {
            context.close();
        }
    }

    @Test
    void callsFailCleanlyWhileTheDatabaseIsDownAndRecoverWithoutARestart() throws Exception {
        TestPostgres.requireInCi(CONTROL != null && !CONTROL.isBlank(),
                "TRENDCAST_TEST_PG_CTL is not set, so the test cannot stop and start PostgreSQL");
        TestPostgres.requireEmptySchema();
        context = new SpringApplicationBuilder(TrendcastApplication.class).profiles("cli")
                .run(TestPostgres.springArguments());
        UserService users = context.getBean(UserService.class);
        users.create("test", "before-outage", "a-long-enough-passphrase", Role.MANAGER, List.of("Garden"));

        control("stop");
        Instant failedFrom = Instant.now();
        assertThatThrownBy(() -> users.find("before-outage"))
                .isInstanceOfAny(DataAccessException.class, TransactionException.class);
        assertThat(Duration.between(failedFrom, Instant.now())).isLessThan(FAIL_WITHIN);

        control("start");
        Instant deadline = Instant.now().plus(RECOVER_WITHIN);
        while (true) {
            try {
                assertThat(users.find("before-outage")).isPresent();
                break;
            } catch (DataAccessException | TransactionException stillDown) {
                assertThat(Instant.now()).as("no recovery: " + stillDown.getMessage()).isBefore(deadline);
                Thread.sleep(500);
            }
        }
        users.create("test", "after-outage", "another-long-passphrase", Role.MANAGER, List.of("Garden"));
        assertThat(users.find("after-outage")).isPresent();
    }

    private static void control(String action) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", CONTROL + " " + action).inheritIO().start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(CONTROL + " " + action).isTrue();
    }
}
