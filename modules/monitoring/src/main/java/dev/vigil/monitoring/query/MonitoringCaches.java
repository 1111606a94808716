package dev.vigil.monitoring.query;

import dev.vigil.platform.cache.CacheSpace;
import java.time.Duration;

/**
 * monitoring's cached reads. The exposure feed projection names both spaces as its cached reads, so the platform
 * drops a user's entries in them after every exposure event of that user commits.
 */
public final class MonitoringCaches {

    /**
     * 10 s: first pages of a user's exposures, one entry per filters and limit. The hottest list read; events
     * keep it fresh, the short TTL bounds staleness if an invalidation is lost while Redis is unreachable.
     */
    public static final CacheSpace EXPOSURE_PAGES = new CacheSpace("monitoring.exposure-pages", Duration.ofSeconds(10));

    /** 1 min: single exposures by id; "none of the caller's" is cached too. */
    public static final CacheSpace EXPOSURES = new CacheSpace("monitoring.exposures", Duration.ofMinutes(1));

    private MonitoringCaches() {
    }
}
