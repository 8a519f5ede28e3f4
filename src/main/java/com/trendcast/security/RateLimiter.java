package com.trendcast.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (a user name, a client address, an API token): each key may spend {@code capacity}
 * requests at once and earns them back evenly over {@code period}. Kept as the generic cell rate algorithm:
 * one "theoretical arrival time" per key instead of a token count, so the arithmetic is exact in whole
 * nanoseconds and a full bucket is simply a time in the past.
 *
 * <p>In memory, so limits are per application instance and start afresh on restart, which is what a single
 * intranet server needs; a few dozen lines rather than a dependency (bucket4j's distributed back ends would
 * serve nothing here).
 */
final class RateLimiter {

    /** Above this many keys, those whose bucket is full again are dropped, so the map cannot grow forever. */
    private static final int EVICTION_THRESHOLD = 10_000;

    private final long interval;
    private final long tolerance;
    private final Clock clock;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

    RateLimiter(SecurityProperties.Limit limit, Clock clock) {
        this.interval = limit.period().toNanos() / limit.capacity();
        this.tolerance = interval * (limit.capacity() - 1L);
        this.clock = clock;
    }

    /** Takes one request from the key's bucket: {@link Duration#ZERO} when allowed, else how long to wait. */
    Duration tryAcquire(String key) {
        long now = Duration.ofMillis(clock.millis()).toNanos();
        if (arrivals.size() > EVICTION_THRESHOLD) {
            arrivals.values().removeIf(arrival -> arrival <= now);
        }
        long[] wait = new long[1];
        arrivals.compute(key, (k, arrival) -> {
            long theoretical = arrival == null ? now : Math.max(arrival, now);
            if (theoretical - now > tolerance) {
                wait[0] = theoretical - now - tolerance;
                return theoretical;
            }
            return theoretical + interval;
        });
        return Duration.ofNanos(wait[0]);
    }
}
