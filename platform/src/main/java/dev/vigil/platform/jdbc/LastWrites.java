package dev.vigil.platform.jdbc;

import dev.vigil.platform.redis.RedisBackoff;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Each user's last write position on the primary, in Redis so every instance sees the writes made through the
 * others, for a bounded time ({@code vigil.replica.write-memory}). A write only raises the stored position (two
 * instances may record one user's writes out of order). When Redis does not answer, a read cannot know, and
 * {@link #of} answers "unknown", which keeps the read on the primary.
 */
final class LastWrites {

    /** What {@link #of} answers when Redis did not: later than any position the standby can have replayed. */
    static final long UNKNOWN = Long.MAX_VALUE;

    private static final String RAISE = """
            local current = redis.call('GET', KEYS[1])
            if not current or tonumber(current) < tonumber(ARGV[1]) then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            else
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 1""";

    private final UnifiedJedis redis;
    private final String prefix;
    private final Duration memory;
    /**
     * A hung Redis made every replica-routed read wait for its socket timeout: after a failure, reads skip it a while
     * (and read the primary).
     */
    private final RedisBackoff backoff;

    LastWrites(UnifiedJedis redis, String keyPrefix, Duration memory, RedisBackoff backoff) {
        this.redis = redis;
        this.backoff = backoff;
        this.prefix = keyPrefix + "replica:write-lsn:";
        this.memory = memory;
    }

    /** Records that {@code user}'s data changed at or before {@code lsn}; false when Redis did not take it. */
    boolean record(UUID user, long lsn) {
        // never skipped for the back-off: a write missing here would send its writer's reads to a standby that may
        // not have it once the back-off is over; a write pays the timeout instead
        try {
            redis.eval(RAISE, List.of(prefix + user), List.of(Long.toString(lsn), Long.toString(memory.toMillis())));
            return true;
        } catch (JedisException e) {
            backoff.failed();
            return false;
        }
    }

    /** The user's last remembered write position, 0 when none, {@link #UNKNOWN} when Redis did not answer. */
    long of(UUID user) {
        RedisBackoff.Permit permit = backoff.permit();
        if (permit == RedisBackoff.Permit.SKIP) {
            return UNKNOWN;
        }
        try {
            String lsn = redis.get(prefix + user);
            backoff.succeeded(permit);
            return lsn == null ? 0 : Long.parseLong(lsn);
        } catch (JedisException e) {
            backoff.failed();
            return UNKNOWN;
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
    }
}
