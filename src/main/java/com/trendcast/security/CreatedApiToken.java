package com.trendcast.security;

/**
 * A token just created: the only moment its secret exists outside the caller's hands.
 *
 * @param secret the bearer token to hand to the user once; only its hash is stored
 */
public record CreatedApiToken(ApiTokenSummary token, String secret) {
}
