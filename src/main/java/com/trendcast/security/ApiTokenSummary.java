package com.trendcast.security;

import java.time.Instant;

/**
 * A personal API token as listed to its owner; the secret itself is never part of it.
 *
 * @param prefix     the first characters of the token, to tell tokens apart
 * @param lastUsedAt null while the token was never used
 * @param revokedAt  null while the token works
 */
public record ApiTokenSummary(long id, String label, String prefix, Instant createdAt, Instant lastUsedAt,
                              Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
