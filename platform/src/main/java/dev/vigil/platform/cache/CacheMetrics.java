package dev.vigil.platform.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The read cache's meters. The {@code space} tag is a {@link CacheSpace} name, a constant, so cardinality is
 * the number of spaces.
 */
final class CacheMetrics {

    static final String REQUESTS = "vigil.cache.requests";
    static final String LOADS = "vigil.cache.loads";
    static final String STORES = "vigil.cache.stores";
    static final String REDIS = "vigil.cache.redis";
    static final String SKIPPED = "vigil.cache.redis.skipped";
    static final String BYPASSED = "vigil.cache.bypassed";

    /** How a read was served. */
    enum Result {
        /** From Redis, without the loader. */
        HIT,
        /** By the loader, after Redis said the entry was not there. */
        MISS,
        /** By the loader, because Redis failed or is in back-off. */
        ERROR;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What became of a loaded value. */
    enum Store {
        STORED,
        /** The namespace was invalidated while the value loaded: it may be stale, so it was dropped. */
        SUPERSEDED,
        /** The load took longer than half the TTL: dropped, see {@code ReadCache}. */
        TOO_SLOW,
        /** Jackson could not write the value: a programming error, logged. */
        UNSERIALIZABLE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry meters;
    // every cached read passes here: each meter is built once, not looked up by name and tags per call
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

    CacheMetrics(MeterRegistry meters, RedisBackoff backoff) {
        this.meters = meters;
        Gauge.builder(BYPASSED, backoff, b -> b.inBackoff() ? 1 : 0)
                .description("1 while the read cache skips Redis after a failure and serves every read from its loader")
                .register(meters);
    }

    void request(CacheSpace space, Result result) {
        counter(REQUESTS, "Cached reads by how they were served; callers that shared one load count its result",
                "space", space.name(), "result", result.tag()).increment();
    }

    void load(CacheSpace space) {
        counter(LOADS, "Loader runs (database reads) behind the read cache; concurrent misses share one",
                "space", space.name()).increment();
    }

    void store(CacheSpace space, Store store) {
        counter(STORES, "Loaded values by whether they were written to Redis",
                "space", space.name(), "result", store.tag()).increment();
    }

    void roundTrip(RedisOperation operation, boolean succeeded, long nanos) {
        String outcome = succeeded ? "success" : "error";
        timers.computeIfAbsent(operation.tag() + '|' + outcome, key -> Timer.builder(REDIS)
                        .description("Redis round trips of the read cache")
                        .tag("operation", operation.tag())
                        .tag("outcome", outcome)
                        .publishPercentileHistogram()
                        .register(meters))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void skipped(RedisOperation operation) {
        counter(SKIPPED, "Redis round trips the read cache left out during a back-off",
                "operation", operation.tag()).increment();
    }

    private Counter counter(String name, String description, String... tags) {
        return counters.computeIfAbsent(name + '|' + String.join("|", tags),
                key -> Counter.builder(name).description(description).tags(tags).register(meters));
    }
}
