package dev.vigil.platform.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The spaces a cache has seen, so that two modules cannot declare the same space name with different TTLs:
 * their entries would share Redis hashes and the first writer's TTL would silently win.
 */
final class KnownSpaces {

    private final ConcurrentMap<String, CacheSpace> byName = new ConcurrentHashMap<>();

    void check(CacheSpace space) {
        CacheSpace known = byName.get(space.name());
        if (known == null) {
            known = byName.putIfAbsent(space.name(), space);
        }
        if (known != null && !known.equals(space)) {
            throw new IllegalArgumentException("cache space " + space.name() + " is declared twice, with TTLs "
                    + known.ttl() + " and " + space.ttl() + "; give each declaration its own name");
        }
    }
}
