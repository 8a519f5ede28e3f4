package com.trendcast.security;

import com.trendcast.common.UserFacingException;

import java.util.Locale;
import java.util.Set;

/** Rejects passwords that are short, equal to the user name or among the most common ones. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;

    private static final Set<String> COMMON = Set.of(
            "123456789012", "password1234", "password12345", "passw0rd1234", "qwertyuiop12",
            "1234567890ab", "iloveyou1234", "administrator", "adminadmin123", "welcome12345",
            "letmein12345", "qwerty123456", "111111111111", "000000000000", "abcdefghijkl",
            "changeme1234", "trendcast123", "trendcast2024", "trendcast2025", "trendcast2026",
            "password", "123456", "12345678", "qwerty", "admin", "letmein", "welcome");

    private PasswordPolicy() {
    }

    static void check(String username, String password) {
        if (password == null || password.isBlank()) {
            throw new UserFacingException("user.password.empty");
        }
        if (password.length() < MIN_LENGTH) {
            throw new UserFacingException("user.password.tooShort", MIN_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new UserFacingException("user.password.containsUsername");
        }
        if (COMMON.contains(lower)) {
            throw new UserFacingException("user.password.common");
        }
    }
}
