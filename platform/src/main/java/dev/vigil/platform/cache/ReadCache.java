package dev.vigil.platform.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.cache.CacheMetrics.Result;
import dev.vigil.platform.cache.CacheMetrics.Store;
import dev.vigil.platform.cache.NamespaceStore.Lookup;
import dev.vigil.platform.logging.RateLimitedLog;
import dev.vigil.platform.redis.RedisBackoff;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.lang.Nullable;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import redis.clients.jedis.UnifiedJedis;

/**
 * Read-through cache for module query services: per user, on Redis, as JSON ({@link #get}) or as bytes the caller
 * encoded ({@link #getBytes}, such as a response body to send as it is).
 * <p>
 * {@link #get} answers from Redis with no database statement, or runs the loader once (concurrent callers for
 * the same entry share that run) and stores its value. Read models invalidate through {@link
 * #invalidateAfterCommit} (projections declare their spaces with {@code dev.vigil.platform.axon.CachedReads}, and
 * the platform calls it for each event's user): all of that user's entries in the space go at once. A value whose
 * load began before an invalidation is never stored after it.
 * <p>
 * Redis is optional: when it fails or is slow, reads are served by their loaders, and after a failure Redis is
 * left alone for {@code vigil.cache.backoff}. An invalidation that cannot reach Redis is remembered: that
 * user's reads in that space bypass Redis until the first read after Redis answers again replays it
 * ({@link MissedInvalidations}). Loader exceptions reach every caller that waited for that load and nothing is
 * cached. Values are shared between the callers of one load: treat them as immutable. A loader may return
 * null (for "not found"); null is cached like any value.
 */
public final class ReadCache {

    private static final Logger log = LoggerFactory.getLogger(ReadCache.class);
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private final boolean enabled;
    private final CacheKeys keys;
    private final NamespaceStore store;
    private final GuardedRedis redis;
    private final ObjectMapper json;
    private final CacheMetrics metrics;
    private final KnownSpaces spaces = new KnownSpaces();
    private final SingleFlight<FlightKey, Served> flights = new SingleFlight<>();
    private final LongSupplier nanoTicker;
    private final RateLimitedLog unreadable;
    private final RateLimitedLog unserializable;
    private final RateLimitedLog staleRisk;
    private final MissedInvalidations missed = new MissedInvalidations();

    ReadCache(UnifiedJedis jedis, String keyPrefix, ReadCacheProperties properties, ObjectMapper json,
            MeterRegistry meters) {
        this(jedis, keyPrefix, properties, json, meters, System::nanoTime);
    }

    /** {@code nanoTicker} is {@link System#nanoTime()}, or a test's clock that moves the back-off on. */
    ReadCache(UnifiedJedis jedis, String keyPrefix, ReadCacheProperties properties, ObjectMapper json,
            MeterRegistry meters, LongSupplier nanoTicker) {
        this.enabled = properties.enabled();
        this.keys = new CacheKeys(keyPrefix);
        this.store = new NamespaceStore(jedis);
        this.json = json;
        this.nanoTicker = nanoTicker;
        RedisBackoff backoff = new RedisBackoff(properties.backoff(), nanoTicker);
        this.metrics = new CacheMetrics(meters, backoff);
        this.redis = new GuardedRedis(backoff, properties.backoff(), metrics, nanoTicker);
        this.unreadable = new RateLimitedLog(log, LOG_INTERVAL, nanoTicker);
        this.unserializable = new RateLimitedLog(log, LOG_INTERVAL, nanoTicker);
        this.staleRisk = new RateLimitedLog(log, LOG_INTERVAL, nanoTicker);
    }

    /**
     * The cached value of {@code entryKey} in the caller's namespace of {@code space}, or the loader's value.
     *
     * @param entryKey names the entry within the user's namespace, such as a page and its filters; it never
     *        needs the user id
     */
    @Nullable
    public <T> T get(CacheSpace space, UUID userId, String entryKey, Class<T> type, Supplier<T> loader) {
        return get(space, userId, entryKey, json.constructType(type), loader);
    }

    /** {@link #get(CacheSpace, UUID, String, Class, Supplier)} for generic values, such as a page of views. */
    @Nullable
    public <T> T get(CacheSpace space, UUID userId, String entryKey, TypeReference<T> type, Supplier<T> loader) {
        return get(space, userId, entryKey, json.constructType(type), loader);
    }

    /**
     * Drops all of the user's entries in {@code space} now (one Redis round trip). Call it only once the change
     * is visible to readers: after the transaction that made it commits, which {@link #invalidateAfterCommit}
     * arranges. Never throws; a failure is logged.
     */
    public void invalidate(CacheSpace space, UUID userId) {
        spaces.check(space);
        if (enabled && invalidateInRedis(space, userId)) {
            missed.remove(space, userId);
        } else if (enabled) {
            if (missed.add(space, userId)) {
                staleRisk.warn("Could not invalidate cache space {} for user {}: its reads bypass Redis until Redis "
                        + "answers again and the invalidation is replayed", space.name(), userId);
            } else {
                staleRisk.warn("Could not invalidate cache space {} for user {}, and {} missed invalidations are "
                        + "already waiting: its entries may be served stale for up to {}, their TTL", space.name(),
                        userId, MissedInvalidations.CAPACITY, space.ttl());
            }
        }
        flights.detach(flight -> flight.space().equals(space) && flight.userId().equals(userId));
    }

    private boolean invalidateInRedis(CacheSpace space, UUID userId) {
        return redis.attempt(RedisOperation.INVALIDATE, () -> {
            store.invalidate(keys.namespace(space, userId), space);
            return true;
        }).isPresent();
    }

    /**
     * {@link #invalidate} once the current transaction commits (once per namespace, however often it is called
     * in that transaction), or at once when no transaction is active. Called around projections' event handlers
     * ({@code dev.vigil.platform.axon.CachedReads}): Axon runs them inside a Spring transaction.
     */
    public void invalidateAfterCommit(CacheSpace space, UUID userId) {
        spaces.check(space);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            InvalidationsAfterCommit.add(this, space, userId);
        } else {
            invalidate(space, userId);
        }
    }

    /** {@link #get(CacheSpace, UUID, String, Class, Supplier)} for a type built at run time. */
    @Nullable
    @SuppressWarnings("unchecked")
    public <T> T get(CacheSpace space, UUID userId, String entryKey, JavaType type, Supplier<T> loader) {
        return (T) serve(space, userId, entryKey, new JsonCodec(type), loader);
    }

    /**
     * The stored bytes of {@code entryKey} in the caller's namespace of {@code space}, or the loader's: on a hit,
     * exactly what the loader once returned, with nothing decoded. The same rules as {@link #get} otherwise.
     */
    public byte[] getBytes(CacheSpace space, UUID userId, String entryKey, Supplier<byte[]> loader) {
        return (byte[]) Objects.requireNonNull(serve(space, userId, entryKey, BYTES, loader), "loader returned null");
    }

    @Nullable
    private Object serve(CacheSpace space, UUID userId, String entryKey, Codec codec, Supplier<?> loader) {
        Objects.requireNonNull(entryKey, "entryKey");
        Objects.requireNonNull(loader, "loader");
        spaces.check(space);
        Served served = flights.run(new FlightKey(space, userId, entryKey),
                () -> enabled ? readThrough(space, userId, entryKey, codec, loader) : new Served(load(space, loader), Result.MISS));
        if (enabled) {
            metrics.request(space, served.result());
        }
        return served.value();
    }

    private Served readThrough(CacheSpace space, UUID userId, String entryKey, Codec codec, Supplier<?> loader) {
        // during a back-off the replay's first invalidation is skipped or is the probe: either way it is cheap
        missed.replayInBackground(this::invalidateInRedis);
        if (missed.contains(space, userId)) {
            return new Served(load(space, loader), Result.ERROR); // what Redis holds for this user may be stale
        }
        String namespace = keys.namespace(space, userId);
        long readStarted = nanoTicker.getAsLong();
        Optional<Lookup> lookup = redis.attempt(RedisOperation.READ, () -> store.read(namespace, entryKey));
        if (lookup.isEmpty()) {
            return new Served(load(space, loader), Result.ERROR);
        }
        Lookup seen = lookup.get();
        if (seen.stored() != null) {
            try {
                return new Served(codec.decode(seen.stored()), Result.HIT);
            } catch (IOException e) {
                // typically an entry written by an older version of the value's type: reload and overwrite it
                unreadable.warn("Cached entry {} in space {} does not read as {} ({}); loading it again", entryKey,
                        space.name(), codec, e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.toString());
            }
        }
        Object value = load(space, loader);
        // Past half the TTL, the namespace may have been invalidated and expired again, back to a generation
        // that looks unchanged; the other half covers network delay. Such a slow value is served, not stored.
        if (nanoTicker.getAsLong() - readStarted < space.ttl().toNanos() / 2) {
            store(space, namespace, seen, entryKey, codec, value);
        } else {
            metrics.store(space, Store.TOO_SLOW);
        }
        return new Served(value, Result.MISS);
    }

    private void store(CacheSpace space, String namespace, Lookup seen, String entryKey, Codec codec,
            @Nullable Object value) {
        byte[] serialized;
        try {
            serialized = codec.encode(value);
        } catch (IOException e) {
            metrics.store(space, Store.UNSERIALIZABLE);
            unserializable.warn("Value for entry {} in space {} cannot be written as {}, so it is never cached: {}",
                    entryKey, space.name(), codec, e instanceof JsonProcessingException j ? j.getOriginalMessage() : e);
            return;
        }
        redis.attempt(RedisOperation.STORE, () -> store.storeIfUnchanged(namespace, seen, entryKey, serialized, space))
                .ifPresent(stored -> metrics.store(space, stored ? Store.STORED : Store.SUPERSEDED));
    }

    @Nullable
    private Object load(CacheSpace space, Supplier<?> loader) {
        metrics.load(space);
        return loader.get();
    }

    /** How a value is kept in Redis. */
    private interface Codec {

        Object decode(byte[] stored) throws IOException;

        byte[] encode(@Nullable Object value) throws IOException;
    }

    private static final Codec BYTES = new Codec() {

        @Override
        public Object decode(byte[] stored) {
            return stored;
        }

        @Override
        public byte[] encode(@Nullable Object value) {
            return (byte[]) Objects.requireNonNull(value);
        }

        @Override
        public String toString() {
            return "bytes";
        }
    };

    /** A value of {@code type} as JSON, by the application's mapper. */
    private final class JsonCodec implements Codec {

        private final JavaType type;

        JsonCodec(JavaType type) {
            this.type = type;
        }

        @Override
        public Object decode(byte[] stored) throws IOException {
            return json.readValue(stored, type);
        }

        @Override
        public byte[] encode(@Nullable Object value) throws IOException {
            return json.writeValueAsBytes(value);
        }

        @Override
        public String toString() {
            return type.toCanonical();
        }
    }

    private record FlightKey(CacheSpace space, UUID userId, String entryKey) {
    }

    /** A value and how it was obtained; shared by every caller of one flight. */
    private record Served(@Nullable Object value, Result result) {
    }
}
