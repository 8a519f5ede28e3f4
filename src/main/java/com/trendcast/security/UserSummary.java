package com.trendcast.security;

import java.time.Instant;
import java.util.Set;

/** A user as the rest of the application sees it: never the password hash. */
public record UserSummary(Long id, String username, Role role, boolean enabled, boolean locked,
                          Set<String> categories, String locale, Instant createdAt) {
}
