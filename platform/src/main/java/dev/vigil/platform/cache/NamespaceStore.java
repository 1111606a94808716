package dev.vigil.platform.cache;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.lang.Nullable;
import redis.clients.jedis.UnifiedJedis;

/**
 * The read cache's Redis commands, each one round trip, on the hash-per-namespace layout of {@link CacheKeys}.
 * Failures are thrown; {@link GuardedRedis} decides what they mean.
 */
final class NamespaceStore {

    /**
     * Writes an entry only if the namespace's generation is still the one the read that missed saw, so a value
     * loaded before an invalidation never lands after it. The first entry of a namespace sets its TTL; later
     * entries leave it alone, so an entry never lives longer than the TTL after the oldest one was written.
     */
    private static final RedisScript STORE_IF_UNCHANGED = new RedisScript("""
            -- KEYS[1] namespace; ARGV[1] generation seen by the read ('' for none), ARGV[2] entry field,
            -- ARGV[3] entry value, ARGV[4] TTL in milliseconds
            local generation = redis.call('HGET', KEYS[1], '%1$s') or ''
            if generation ~= ARGV[1] then
              return 0
            end
            local entries = redis.call('HLEN', KEYS[1]) - (generation == '' and 0 or 1)
            redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
            if entries == 0 or redis.call('PTTL', KEYS[1]) == -1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[4])
            end
            return 1
            """.formatted(CacheKeys.GENERATION_FIELD));

    /**
     * Drops every entry of a namespace and leaves a new generation behind for one TTL. Deleting the hash alone
     * would not do: a read that saw no generation could not tell "never invalidated" from "just invalidated".
     * The generation lives at least one TTL, which is what makes {@code ReadCache}'s half-TTL limit on slow
     * loads sufficient.
     */
    private static final RedisScript INVALIDATE = new RedisScript("""
            -- KEYS[1] namespace; ARGV[1] new generation, ARGV[2] TTL in milliseconds
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], '%1$s', ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """.formatted(CacheKeys.GENERATION_FIELD));

    private static final byte[] GENERATION_FIELD = utf8(CacheKeys.GENERATION_FIELD);

    private final UnifiedJedis jedis;

    NamespaceStore(UnifiedJedis jedis) {
        this.jedis = jedis;
    }

    /**
     * The entry's bytes (if cached) and the namespace's current generation, in one {@code HMGET}. Binary, so a
     * stored value reaches its caller as Redis holds it, never decoded to a string and encoded again.
     */
    Lookup read(String namespace, String entryKey) {
        List<byte[]> values = jedis.hmget(utf8(namespace), utf8(CacheKeys.entryField(entryKey)), GENERATION_FIELD);
        byte[] generation = values.get(1);
        return new Lookup(values.get(0),
                generation == null ? Lookup.NO_GENERATION : new String(generation, StandardCharsets.US_ASCII));
    }

    /** True if stored; false if the namespace was invalidated since {@code seen.generation()} was read. */
    boolean storeIfUnchanged(String namespace, Lookup seen, String entryKey, byte[] value, CacheSpace space) {
        Object stored = STORE_IF_UNCHANGED.runBinary(jedis, List.of(utf8(namespace)), List.of(utf8(seen.generation()),
                utf8(CacheKeys.entryField(entryKey)), value, utf8(Long.toString(space.ttl().toMillis()))));
        return Long.valueOf(1).equals(stored);
    }

    void invalidate(String namespace, CacheSpace space) {
        INVALIDATE.run(jedis, List.of(namespace), List.of(newGeneration(), Long.toString(space.ttl().toMillis())));
    }

    /** Random rather than counted: a counter would restart after the hash expires and could repeat a generation. */
    private static String newGeneration() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** What a read found: the entry's bytes or null, and the generation, {@link #NO_GENERATION} if none. */
    record Lookup(@Nullable byte[] stored, String generation) {

        static final String NO_GENERATION = "";
    }
}
