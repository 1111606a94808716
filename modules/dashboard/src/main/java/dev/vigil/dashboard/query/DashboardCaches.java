package dev.vigil.dashboard.query;

import dev.vigil.platform.cache.CacheSpace;
import java.time.Duration;

/** dashboard's cached reads. Every event applied to a user's row invalidates that user's entry. */
public final class DashboardCaches {

    /** 30 s: the safety net behind event-driven invalidation. */
    public static final CacheSpace SUMMARY = new CacheSpace("dashboard.summary", Duration.ofSeconds(30));

    private DashboardCaches() {
    }
}
