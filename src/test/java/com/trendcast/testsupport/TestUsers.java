package com.trendcast.testsupport;

import com.trendcast.security.Role;
import com.trendcast.security.UserService;

import java.util.List;
import java.util.UUID;

/** Creates uniquely named users, so tests sharing one database never collide. */
public final class TestUsers {

    public static final String PASSWORD = "a-long-enough-passphrase";

    private TestUsers() {
    }

    public static String create(UserService users, Role role, String... categories) {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        users.create("test", username, PASSWORD, role, List.of(categories));
        return username;
    }
}
