package dev.vigil.platform.cache;

import dev.vigil.platform.redis.RedisBackoff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
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
    // every cached read passes here: meters are built once per space (or once), never looked up per call
    private final ConcurrentMap<String, SpaceMeters> spaces = new ConcurrentHashMap<>();
    private final Map<RedisOperation, Timer> succeeded = new EnumMap<>(RedisOperation.class);
    private final Map<RedisOperation, Timer> failed = new EnumMap<>(RedisOperation.class);
    private final Map<RedisOperation, Counter> skipped = new EnumMap<>(RedisOperation.class);

    CacheMetrics(MeterRegistry meters, RedisBackoff backoff) {
        this.meters = meters;
        Gauge.builder(BYPASSED, backoff, b -> b.inBackoff() ? 1 : 0)
                .description("1 while the read cache skips Redis after a failure and serves every read from its loader")
                .register(meters);
        for (RedisOperation operation : RedisOperation.values()) {
            succeeded.put(operation, redisTimer(operation, "success"));
            failed.put(operation, redisTimer(operation, "error"));
            skipped.put(operation, Counter.builder(SKIPPED)
                    .description("Redis round trips the read cache left out during a back-off")
                    .tag("operation", operation.tag())
                    .register(meters));
        }
    }

    void request(CacheSpace space, Result result) {
        of(space).requests.get(result).increment();
    }

    void load(CacheSpace space) {
        of(space).loads.increment();
    }

    void store(CacheSpace space, Store store) {
        of(space).stores.get(store).increment();
    }

    void roundTrip(RedisOperation operation, boolean success, long nanos) {
        (success ? succeeded : failed).get(operation).record(nanos, TimeUnit.NANOSECONDS);
    }

    void skipped(RedisOperation operation) {
        skipped.get(operation).increment();
    }

    private SpaceMeters of(CacheSpace space) {
        return spaces.computeIfAbsent(space.name(), name -> new SpaceMeters(name, meters));
    }

    private Timer redisTimer(RedisOperation operation, String outcome) {
        return Timer.builder(REDIS)
                .description("Redis round trips of the read cache")
                .tag("operation", operation.tag())
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters);
    }

    /** One cache space's counters. */
    private static final class SpaceMeters {

        final Map<Result, Counter> requests = new EnumMap<>(Result.class);
        final Counter loads;
        final Map<Store, Counter> stores = new EnumMap<>(Store.class);

        SpaceMeters(String space, MeterRegistry meters) {
            for (Result result : Result.values()) {
                requests.put(result, Counter.builder(REQUESTS)
                        .description("Cached reads by how they were served; callers that shared one load count its result")
                        .tag("space", space)
                        .tag("result", result.tag())
                        .register(meters));
            }
            loads = Counter.builder(LOADS)
                    .description("Loader runs (database reads) behind the read cache; concurrent misses share one")
                    .tag("space", space)
                    .register(meters);
            for (Store store : Store.values()) {
                stores.put(store, Counter.builder(STORES)
                        .description("Loaded values by whether they were written to Redis")
                        .tag("space", space)
                        .tag("result", store.tag())
                        .register(meters));
            }
        }
    }
}
