package com.trendcast.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.List;

/**
 * On the first start of an empty database, creates the {@code admin} account. Its password comes
 * from {@code TRENDCAST_ADMIN_PASSWORD}; without it a random one is generated and logged once, so
 * there is never a fixed default password.
 */
@Component
@Profile("!cli")
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN_USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;

    private final UserService users;
    private final String configuredPassword;

    AdminBootstrap(UserService users, @Value("${trendcast.admin.password}") String configuredPassword) {
        this.users = users;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.hasAnyUser()) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        users.create("system", ADMIN_USERNAME, password, Role.ADMIN, List.of());
        if (generated) {
            log.warn("""

                    ================================================================
                    First start: created user 'admin' with the generated password
                        {}
                    It is shown only this once. Set TRENDCAST_ADMIN_PASSWORD to choose it.
                    ================================================================""", password);
        } else {
            log.info("First start: created user 'admin' with the password from TRENDCAST_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
