package dev.vigil.platform.cache;

import dev.vigil.platform.logging.RateLimitedLog;
import dev.vigil.platform.redis.RedisBackoff;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Redis round trip of the read cache passes through here: skipped during a back-off, timed, and on
 * failure counted, logged (rate-limited) and turned into "no answer", so that callers fall back rather than
 * fail. Any exception counts as a failure: a cache must never be the reason a read fails.
 */
final class GuardedRedis {

    private static final Logger log = LoggerFactory.getLogger(GuardedRedis.class);
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private final RedisBackoff backoff;
    private final Duration backoffDuration;
    private final CacheMetrics metrics;
    private final LongSupplier nanoTicker;
    private final RateLimitedLog failures;

    GuardedRedis(RedisBackoff backoff, Duration backoffDuration, CacheMetrics metrics, LongSupplier nanoTicker) {
        this.backoff = backoff;
        this.backoffDuration = backoffDuration;
        this.metrics = metrics;
        this.nanoTicker = nanoTicker;
        this.failures = new RateLimitedLog(log, LOG_INTERVAL, nanoTicker);
    }

    /** The call's result; empty if Redis is in back-off or the call failed. */
    <R> Optional<R> attempt(RedisOperation operation, Supplier<R> call) {
        RedisBackoff.Permit permit = backoff.permit();
        if (permit == RedisBackoff.Permit.SKIP) {
            metrics.skipped(operation);
            return Optional.empty();
        }
        long started = nanoTicker.getAsLong();
        R result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            metrics.roundTrip(operation, false, nanoTicker.getAsLong() - started);
            backoff.failed();
            failures.warn("Redis {} failed ({}); the read cache serves from the database without Redis for the next {}",
                    operation.tag(), e.toString(), backoffDuration);
            return Optional.empty();
        }
        metrics.roundTrip(operation, true, nanoTicker.getAsLong() - started);
        if (backoff.succeeded(permit)) {
            log.info("Redis answers again; the read cache uses it");
        }
        return Optional.of(result);
    }
}
