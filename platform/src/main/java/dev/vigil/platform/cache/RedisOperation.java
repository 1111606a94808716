package dev.vigil.platform.cache;

import java.util.Locale;

/** The read cache's kinds of Redis round trip, as they appear in metrics and logs. */
enum RedisOperation {
    READ, STORE, INVALIDATE;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
