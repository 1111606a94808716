package dev.vigil.platform.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A family of cached reads that expire together and are invalidated together for one user, such as a user's
 * alert pages. Modules declare their spaces as constants, named after the module:
 * {@code new CacheSpace("alerting.alert-pages", Duration.ofSeconds(5))}.
 *
 * @param name lower-case words separated by {@code .} or {@code -}; part of every Redis key and the
 *        {@code space} tag of the cache metrics, so it must be a constant, never built from request data
 * @param ttl how long an entry lives after the first entry of its (space, user) namespace was written; at
 *        least one second, in whole milliseconds. Events invalidate entries sooner; the TTL is the safety net.
 */
public record CacheSpace(String name, Duration ttl) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*([.-][a-z0-9]+)*");
    private static final Duration SHORTEST_TTL = Duration.ofSeconds(1);

    public CacheSpace {
        Objects.requireNonNull(name, "a cache space needs a name");
        Objects.requireNonNull(ttl, () -> "cache space " + name + " needs a TTL");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("cache space name must be lower-case words separated by '.' or '-', got '"
                    + name + "'");
        }
        if (ttl.compareTo(SHORTEST_TTL) < 0 || ttl.toNanos() % 1_000_000 != 0) {
            throw new IllegalArgumentException("cache space " + name + " needs a TTL of at least 1s in whole milliseconds, got "
                    + ttl);
        }
    }
}
