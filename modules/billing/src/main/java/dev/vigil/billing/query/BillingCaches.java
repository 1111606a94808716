package dev.vigil.billing.query;

import dev.vigil.platform.cache.CacheSpace;
import java.time.Duration;

/** billing's cached reads; the subscription projection invalidates a user's entry on every change. */
public final class BillingCaches {

    /** 1 min: the safety net behind event-driven invalidation (period ends pass without an event). */
    public static final CacheSpace SUBSCRIPTION = new CacheSpace("billing.subscription", Duration.ofMinutes(1));

    private BillingCaches() {
    }
}
