package com.trendcast.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (a user name, a client address, an API token): each key may spend {@code capacity}
 * requests at once and earns them back evenly over {@code period}. In memory, so limits are per application
 * instance and start afresh on restart, which is what a single intranet server needs; no dependency for
 * forty lines (bucket4j would add distributed back ends this application has no use for).
 */
final class RateLimiter {

    /** Buckets untouched for this many periods are full again and are dropped, so the map cannot grow forever. */
    private static final int IDLE_PERIODS_BEFORE_EVICTION = 2;
    private static final int EVICTION_THRESHOLD = 10_000;

    private final int capacity;
    private final double tokensPerNano;
    private final Duration period;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(SecurityProperties.Limit limit, Clock clock) {
        this.capacity = limit.capacity();
        this.period = limit.period();
        this.tokensPerNano = capacity / (double) period.toNanos();
        this.clock = clock;
    }

    /** Takes one request from the key's bucket: {@link Duration#ZERO} when allowed, else how long to wait. */
    Duration tryAcquire(String key) {
        long now = nanos();
        if (buckets.size() > EVICTION_THRESHOLD) {
            long idle = period.toNanos() * IDLE_PERIODS_BEFORE_EVICTION;
            buckets.values().removeIf(bucket -> now - bucket.updated > idle);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * tokensPerNano);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / tokensPerNano));
        }
    }

    private long nanos() {
        return Duration.ofMillis(clock.millis()).toNanos();
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
