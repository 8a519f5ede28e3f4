package com.trendcast.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void aFullBucketAllowsItsCapacityThenSaysHowLongToWaitForTheNextRequest() {
        // 3 requests per minute: one request earned back every 20 s.
        RateLimiter limiter = new RateLimiter(new SecurityProperties.Limit(3, Duration.ofMinutes(1)), clock);

        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isEqualTo(Duration.ofSeconds(20));

        clock.advance(Duration.ofSeconds(15));
        assertThat(limiter.tryAcquire("a")).isEqualTo(Duration.ofSeconds(5));

        clock.advance(Duration.ofSeconds(5));
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void keysHaveTheirOwnBuckets() {
        RateLimiter limiter = new RateLimiter(new SecurityProperties.Limit(1, Duration.ofMinutes(1)), clock);

        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isPositive();
        assertThat(limiter.tryAcquire("b")).isZero();
    }

    @Test
    void anIdleBucketRefillsOnlyUpToItsCapacity() {
        RateLimiter limiter = new RateLimiter(new SecurityProperties.Limit(2, Duration.ofMinutes(1)), clock);
        limiter.tryAcquire("a");

        clock.advance(Duration.ofHours(5));

        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aLimitNeedsACapacityAndAPositivePeriod() {
        assertThatThrownBy(() -> new SecurityProperties.Limit(0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecurityProperties.Limit(5, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-05T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
