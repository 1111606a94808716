package dev.vigil.alerting.readmodel;

import dev.vigil.alerting.api.AlertDismissed;
import dev.vigil.alerting.api.AlertRaised;
import dev.vigil.alerting.api.AlertRead;
import dev.vigil.alerting.api.AllAlertsMarkedRead;
import dev.vigil.alerting.query.AlertingCaches;
import dev.vigil.platform.axon.CachedReads;
import dev.vigil.platform.cache.CacheSpace;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Builds {@code alerting.alert_feed} from alerting's events, one statement per event, each guarded by the
 * sequence number of the event's aggregate (the alert, or the user's alert inbox for "mark all read"), so an
 * event applied again changes nothing. Per-user ordering puts a user's {@link AllAlertsMarkedRead} after the
 * alerts raised before it and before those raised after it, live and on replay.
 */
@Component
@ProcessingGroup(AlertFeedProjection.PROCESSING_GROUP)
class AlertFeedProjection implements CachedReads {

    static final String PROCESSING_GROUP = "alerting-alert-feed";

    private final AlertFeedRepository feed;

    AlertFeedProjection(AlertFeedRepository feed) {
        this.feed = feed;
    }

    /** Pages and single alerts alike are read from the user's rows. */
    @Override
    public List<CacheSpace> spaces() {
        return List.of(AlertingCaches.ALERTS);
    }

    @ResetHandler
    void reset() {
        feed.deleteAll();
    }

    @EventHandler
    void on(AlertRaised event, @SequenceNumber long version) {
        feed.insert(event, version);
    }

    @EventHandler
    void on(AlertRead event, @SequenceNumber long version) {
        feed.markRead(event.alertId(), event.readAt(), version);
    }

    @EventHandler
    void on(AlertDismissed event, @SequenceNumber long version) {
        feed.dismiss(event.alertId(), event.dismissedAt(), version);
    }

    @EventHandler
    void on(AllAlertsMarkedRead event, @SequenceNumber long version) {
        feed.markAllRead(event.userId(), event.markedAt(), version);
    }
}
