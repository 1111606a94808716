package dev.vigil.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.platform.redis.RedisBackoff.Permit;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RedisBackoffTests {

    private final AtomicLong now = new AtomicLong(-1_000); // nanoTime may be negative
    private final RedisBackoff backoff = new RedisBackoff(Duration.ofSeconds(5), now::get);

    @Test
    void healthyRedisIsAlwaysTried() {
        assertThat(backoff.permit()).isEqualTo(Permit.TRY);
        assertThat(backoff.succeeded(Permit.TRY)).isFalse();
        assertThat(backoff.permit()).isEqualTo(Permit.TRY);
        assertThat(backoff.inBackoff()).isFalse();
    }

    @Test
    void aFailureSkipsRedisForTheBackoff() {
        assertThat(backoff.failed()).isTrue();
        assertThat(backoff.inBackoff()).isTrue();
        assertThat(backoff.permit()).isEqualTo(Permit.SKIP);
        now.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(backoff.permit()).isEqualTo(Permit.SKIP);
    }

    @Test
    void afterTheBackoffOneCallerProbesWhileTheOthersKeepSkipping() {
        backoff.failed();
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(backoff.permit()).isEqualTo(Permit.PROBE);
        assertThat(backoff.permit()).isEqualTo(Permit.SKIP);
        assertThat(backoff.permit()).isEqualTo(Permit.SKIP);
    }

    @Test
    void aSuccessfulProbeEndsTheOutage() {
        backoff.failed();
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        Permit probe = backoff.permit();
        assertThat(backoff.succeeded(probe)).isTrue();
        assertThat(backoff.inBackoff()).isFalse();
        assertThat(backoff.permit()).isEqualTo(Permit.TRY);
    }

    @Test
    void aFailedProbeStartsAnotherBackoff() {
        backoff.failed();
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(backoff.permit()).isEqualTo(Permit.PROBE);
        assertThat(backoff.failed()).isFalse(); // still the same outage
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(backoff.permit()).isEqualTo(Permit.SKIP);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(backoff.permit()).isEqualTo(Permit.PROBE);
    }

    @Test
    void aCallThatWasAllowedBeforeTheOutageDoesNotEndIt() {
        Permit before = backoff.permit();
        backoff.failed();
        assertThat(backoff.succeeded(before)).isFalse();
        assertThat(backoff.permit()).isEqualTo(Permit.SKIP);
    }
}
