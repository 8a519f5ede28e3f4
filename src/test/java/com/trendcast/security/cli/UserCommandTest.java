package com.trendcast.security.cli;

import com.trendcast.testsupport.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

class UserCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void addsAManagerWithCategoriesReadingThePasswordFromStandardInput() throws Exception {
        CliRun run = CliRun.run(dataDir, "a-long-enough-passphrase\n",
                "user", "add", "--username", "lin", "--role", "manager", "--categories", "家居;Kitchen");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Created user lin (MANAGER)").contains("家居");
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("trendcast").toAbsolutePath(), "sa", "");
             ResultSet rs = db.createStatement().executeQuery("select u.role, u.password_hash, count(c.category)"
                     + " from app_user u join user_category c on c.user_id = u.id where u.username = 'lin'"
                     + " group by u.role, u.password_hash")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("MANAGER");
            assertThat(rs.getString(2)).startsWith("$2a$").doesNotContain("passphrase");
            assertThat(rs.getInt(3)).isEqualTo(2);
        }
    }

    @Test
    void refusesAnExistingNameWithAClearMessage() {
        CliRun.run(dataDir, "a-long-enough-passphrase\n", "user", "add", "--username", "lin", "--role", "ADMIN");

        CliRun second = CliRun.run(dataDir, "another-long-passphrase\n", "user", "add", "--username", "LIN", "--role", "ADMIN");

        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.err()).contains("A user named \"LIN\" already exists.");
    }

    @Test
    void refusesBadArgumentsWithUsageExitCode() {
        CliRun badRole = CliRun.run(dataDir, "", "user", "add", "--username", "lin", "--role", "OWNER");
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("--role").contains("OWNER");

        CliRun missingName = CliRun.run(dataDir, "", "user", "add", "--role", "ADMIN");
        assertThat(missingName.exitCode()).isEqualTo(2);
        assertThat(missingName.err()).contains("Missing required option: '--username");

        CliRun unknownCommand = CliRun.run(dataDir, "", "frobnicate");
        assertThat(unknownCommand.exitCode()).isEqualTo(2);
    }

    @Test
    void refusesAWeakOrMissingPassword() {
        CliRun weak = CliRun.run(dataDir, "short\n", "user", "add", "--username", "lin", "--role", "ADMIN");
        assertThat(weak.exitCode()).isEqualTo(1);
        assertThat(weak.err()).contains("at least 12 characters");

        CliRun none = CliRun.run(dataDir, "", "user", "add", "--username", "lin", "--role", "ADMIN");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("Enter a password");
    }

    @Test
    void helpListsTheCommands() {
        CliRun help = CliRun.run(dataDir, "", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("user");
    }
}
