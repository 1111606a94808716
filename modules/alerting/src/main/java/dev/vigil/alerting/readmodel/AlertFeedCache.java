package dev.vigil.alerting.readmodel;

import dev.vigil.platform.cache.CacheSpace;
import java.time.Duration;

/**
 * The read cache space of everything read from {@code alerting.alert_feed} for one user: first pages of their
 * alert list (any filters, any limit) and single alerts. {@link AlertFeedProjection} invalidates a user's whole
 * space after each transaction that changed one of their rows, so the entries of one space never disagree.
 */
public final class AlertFeedCache {

    /**
     * Short-lived: invalidation keeps a user's own changes visible at once; the TTL only bounds how long an
     * entry can outlive a missed invalidation (Redis unreachable at commit time).
     */
    public static final CacheSpace SPACE = new CacheSpace("alerting.alerts", Duration.ofSeconds(10));

    private AlertFeedCache() {
    }
}
