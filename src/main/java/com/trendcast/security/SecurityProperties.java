package com.trendcast.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Account and request limits ({@code trendcast.security.*}).
 *
 * @param loginPerUsername sign-in attempts per user name (slows guessing one account from many addresses)
 * @param loginPerAddress  sign-in attempts per client address (slows one machine trying many accounts)
 * @param apiPerToken      API requests per token
 */
@ConfigurationProperties("trendcast.security")
record SecurityProperties(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockoutDuration,
                          Limit loginPerUsername, Limit loginPerAddress, Limit apiPerToken) {

    SecurityProperties {
        loginPerUsername = loginPerUsername != null ? loginPerUsername : new Limit(10, Duration.ofMinutes(5));
        loginPerAddress = loginPerAddress != null ? loginPerAddress : new Limit(60, Duration.ofMinutes(5));
        apiPerToken = apiPerToken != null ? apiPerToken : new Limit(120, Duration.ofMinutes(1));
    }

    /** {@code capacity} requests at once, earned back evenly over {@code period}; set both. */
    record Limit(int capacity, Duration period) {

        Limit {
            if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("A rate limit needs a capacity of at least 1 and a positive period");
            }
        }
    }
}
