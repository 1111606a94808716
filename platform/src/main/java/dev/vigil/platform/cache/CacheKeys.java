package dev.vigil.platform.cache;

import java.util.UUID;

/**
 * Where cached reads live in Redis. Each (space, user) namespace is one hash,
 * {@code <vigil.redis.key-prefix>cache:<space>:<user id>}, holding
 * <ul>
 * <li>one field per entry, {@code e:<entry key>}, whose value is the entry as stored (JSON, or the bytes a caller encoded), and</li>
 * <li>at most one {@code gen} field: a random token that each invalidation replaces, so that a store can tell
 * whether the namespace was invalidated since the read that missed.</li>
 * </ul>
 * The user id is part of the key itself, so no entry key a module builds can reach another user's entries.
 */
final class CacheKeys {

    static final String GENERATION_FIELD = "gen";
    private static final String ENTRY_FIELD_PREFIX = "e:";

    private final String prefix;

    /** @param keyPrefix {@code vigil.redis.key-prefix}, shared by everything Vigil keeps in Redis */
    CacheKeys(String keyPrefix) {
        this.prefix = keyPrefix + "cache:";
    }

    String namespace(CacheSpace space, UUID userId) {
        return prefix + space.name() + ':' + userId;
    }

    /** Prefixed, so that no entry key can collide with {@link #GENERATION_FIELD}. */
    static String entryField(String entryKey) {
        return ENTRY_FIELD_PREFIX + entryKey;
    }
}
