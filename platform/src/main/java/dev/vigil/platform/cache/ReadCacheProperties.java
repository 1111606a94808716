package dev.vigil.platform.cache;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The read cache's settings ({@code vigil.cache.*}). Where Redis is and how long a round trip may take are
 * {@code vigil.redis.*}.
 *
 * @param enabled {@code false} sends every read to its loader and makes invalidation a no-op (single-flight
 *        still holds); for running without Redis or ruling the cache out while debugging
 * @param backoff after a failed Redis round trip, how long reads and writes skip Redis before one call tries
 *        again, so that requests during an outage do not each pay the connect or socket timeout. Short: every
 *        read of a back-off goes to PostgreSQL, and on a CPU-starved host one slow Redis reply must not send
 *        seconds of traffic to the pool (docs/performance.md); a probe a second costs an outage nothing
 */
@Validated
@ConfigurationProperties("vigil.cache")
public record ReadCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") @NotNull Duration backoff) {

    public ReadCacheProperties {
        if (backoff != null && (backoff.isNegative() || backoff.isZero())) {
            throw new IllegalArgumentException("vigil.cache.backoff must be positive, got " + backoff);
        }
    }
}
