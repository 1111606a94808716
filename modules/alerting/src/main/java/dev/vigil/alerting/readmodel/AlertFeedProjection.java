package dev.vigil.alerting.readmodel;

import dev.vigil.alerting.api.AlertDismissed;
import dev.vigil.alerting.api.AlertRaised;
import dev.vigil.alerting.api.AlertRead;
import dev.vigil.alerting.api.AllAlertsMarkedRead;
import dev.vigil.alerting.query.AlertingCaches;
import dev.vigil.platform.cache.ReadCache;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Builds {@code alerting.alert_feed} from alerting's events, one statement per event. Every statement is
 * conditioned on the row's state (insert if absent, read only if unread, dismiss only if not dismissed), so an
 * event applied twice changes nothing. Per-user ordering puts a user's {@link AllAlertsMarkedRead} after the
 * alerts raised before it and before those raised after it, live and on replay.
 * <p>
 * Every event may change one of the user's rows, so each one drops the user's {@link AlertingCaches#ALERTS}
 * space once its transaction has committed: before the processor reports the event applied, so a command's
 * response (which waits for that report) is never followed by a read of the old state from the cache. An event
 * that changed nothing (a replay, reading a read alert) costs one needless invalidation, never a stale read.
 */
@Component
@ProcessingGroup(AlertFeedProjection.PROCESSING_GROUP)
class AlertFeedProjection {

    static final String PROCESSING_GROUP = "alerting-alert-feed";

    private final AlertFeedRepository feed;
    private final ReadCache cache;

    AlertFeedProjection(AlertFeedRepository feed, ReadCache cache) {
        this.feed = feed;
        this.cache = cache;
    }

    @ResetHandler
    void reset() {
        feed.deleteAll();
    }

    @EventHandler
    void on(AlertRaised event) {
        feed.insert(event);
        changed(event.userId());
    }

    @EventHandler
    void on(AlertRead event) {
        feed.markRead(event.alertId(), event.readAt());
        changed(event.userId());
    }

    @EventHandler
    void on(AlertDismissed event) {
        feed.dismiss(event.alertId(), event.dismissedAt());
        changed(event.userId());
    }

    @EventHandler
    void on(AllAlertsMarkedRead event) {
        feed.markAllRead(event.userId(), event.markedAt());
        changed(event.userId());
    }

    /** Once per user and transaction, however many of the user's events the batch held. */
    private void changed(UUID userId) {
        cache.invalidateAfterCommit(AlertingCaches.ALERTS, userId);
    }
}
