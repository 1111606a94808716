package dev.vigil.alerting.query;

import dev.vigil.platform.cache.CacheSpace;
import java.time.Duration;

/** alerting's cached reads; the alert feed projection invalidates a user's space on every change to their alerts. */
public final class AlertingCaches {

    /**
     * First pages of a user's alert list (any filters, any limit) and single alerts: everything read from
     * {@code alerting.alert_feed} for one user, so one invalidation covers it all. Short-lived: invalidation
     * keeps a user's own changes visible at once; the TTL only bounds how long an entry can outlive a missed
     * invalidation (Redis unreachable at commit time).
     */
    public static final CacheSpace ALERTS = new CacheSpace("alerting.alerts", Duration.ofSeconds(10));

    private AlertingCaches() {
    }
}
