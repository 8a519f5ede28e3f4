package com.trendcast.security.cli;

import com.trendcast.testsupport.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void printsTheTokenOnceOnStandardOutputAndStoresOnlyItsHash() throws Exception {
        CliRun.run(dataDir, "a-long-enough-passphrase\n", "user", "add", "--username", "etl", "--role", "MANAGER",
                "--categories", "Kitchen");

        CliRun run = CliRun.run(dataDir, "", "token", "create", "--username", "etl", "--label", "nightly import");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String token = run.out().strip();
        assertThat(token).matches("tc_[A-Za-z0-9_-]{43}");
        assertThat(run.err()).contains("nightly import").contains("shown only this once").doesNotContain(token);
        String expectedHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("trendcast").toAbsolutePath(), "sa", "");
             ResultSet rs = db.createStatement().executeQuery("select t.token_hash, t.label, t.token_prefix, t.revoked_at"
                     + " from api_token t join app_user u on u.id = t.user_id where u.username = 'etl'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(expectedHash);
            assertThat(rs.getString(2)).isEqualTo("nightly import");
            assertThat(token).startsWith(rs.getString(3));
            assertThat(rs.getString(3)).hasSize(9);
            assertThat(rs.getTimestamp(4)).isNull();
            assertThat(rs.next()).isFalse();
        }
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("trendcast").toAbsolutePath(), "sa", "");
             ResultSet audit = db.createStatement().executeQuery("select username, detail from audit_event"
                     + " where action = 'api.token.create'")) {
            assertThat(audit.next()).isTrue();
            assertThat(audit.getString(1)).isEqualTo("cli");
            assertThat(audit.getString(2)).contains("etl").doesNotContain(token);
        }
    }

    @Test
    void anUnknownUserIsRefusedWithExitCode1() {
        CliRun run = CliRun.run(dataDir, "", "token", "create", "--username", "ghost");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("ghost");
    }

    @Test
    void aMissingUserNameIsAUsageError() {
        CliRun run = CliRun.run(dataDir, "", "token", "create");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--username");
    }
}
