package com.trendcast.bench.load;

import com.trendcast.TrendcastApplication;
import com.trendcast.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Creates the accounts {@link WebLoadBenchmark} signs in with: {@code load-user-01} .. {@code load-user-NN}
 * (see {@link LoadAccounts} for their roles and categories), all with the password {@code -Dload.password}.
 * Existing accounts are left as they are, so it can run again with more users.
 *
 * <p>It does what {@code java -jar trendcast.jar user add} does (the command line's Spring context without a web
 * server, {@link UserService#create}), for all users in one context: fifty separate command runs would start
 * fifty contexts. Run it while the application is stopped when the database is the embedded H2 file (H2 allows
 * one process per file); with PostgreSQL the application may keep running:
 *
 * <pre>
 * ./mvnw -o test -Dtest=LoadUserSetup -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.excludes=none \
 *     -Dload.dataDir=/path/to/data -Dload.users=50 -Dload.password='load-test-passphrase-2026'
 * </pre>
 *
 * For PostgreSQL give {@code -Dspring.profiles.active=postgres -Dspring.datasource.url=jdbc:postgresql://...
 * -Dspring.datasource.username=... -Dspring.datasource.password=...} instead of {@code load.dataDir}.
 */
class LoadUserSetup {

    @Test
    void createLoadUsers() {
        LoadSettings settings = LoadSettings.fromSystemProperties();
        assertFalse(settings.password().isEmpty(), "give the accounts' password with -Dload.password=...");
        List<String> overrides = new ArrayList<>();
        String dataDir = System.getProperty("load.dataDir");
        if (dataDir != null) {
            Path data = Path.of(dataDir).toAbsolutePath();
            overrides.add("--spring.datasource.url=jdbc:h2:file:" + data.resolve("trendcast") + ";DB_CLOSE_ON_EXIT=FALSE");
            overrides.add("--trendcast.data-dir=" + data);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TrendcastApplication.class)
                .profiles("cli").run(overrides.toArray(String[]::new))) {
            UserService users = context.getBean(UserService.class);
            int created = 0;
            for (int index = 1; index <= settings.users(); index++) {
                String username = settings.username(index);
                if (users.find(username).isEmpty()) {
                    users.create("load-setup", username, settings.password(), LoadAccounts.role(index),
                            LoadAccounts.categories(index));
                    created++;
                }
            }
            System.out.printf("LOAD SETUP: %d accounts created, %d already there (%s01..%s)%n", created,
                    settings.users() - created, settings.userPrefix(), settings.username(settings.users()));
        }
    }
}
