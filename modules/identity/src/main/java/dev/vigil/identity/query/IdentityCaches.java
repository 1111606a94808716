package dev.vigil.identity.query;

import dev.vigil.platform.cache.CacheSpace;
import java.time.Duration;

/** identity's cached reads; the profile projection invalidates a user's entry on every change. */
public final class IdentityCaches {

    /** 5 min: profiles change rarely; event-driven invalidation keeps them fresh. */
    public static final CacheSpace PROFILE = new CacheSpace("identity.profile", Duration.ofMinutes(5));

    private IdentityCaches() {
    }
}
