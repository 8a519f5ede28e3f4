package com.trendcast.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Without TRENDCAST_ADMIN_PASSWORD the first start generates a password and logs it once. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:generated-admin;DB_CLOSE_DELAY=-1",
        "trendcast.admin.password="})
@ExtendWith(OutputCaptureExtension.class)
class GeneratedAdminPasswordTest {

    private static final Pattern LOGGED_PASSWORD = Pattern.compile("generated password\\s+(\\S{20})\\s");

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PasswordEncoder encoder;

    @Test
    void generatedPasswordIsLoggedAndMatchesTheStoredHash(CapturedOutput output) {
        String hash = jdbc.queryForObject("select password_hash from app_user where username = 'admin'", String.class);
        String log = output.getAll();
        Matcher matcher = LOGGED_PASSWORD.matcher(log);

        assertThat(matcher.find()).as("password line in the log").isTrue();
        String password = matcher.group(1);
        assertThat(encoder.matches(password, hash)).isTrue();
        assertThat(log.indexOf(password)).isEqualTo(log.lastIndexOf(password));
    }
}
