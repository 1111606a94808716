package dev.vigil.alerting.readmodel;

import dev.vigil.alerting.api.AlertDismissed;
import dev.vigil.alerting.api.AlertRaised;
import dev.vigil.alerting.api.AlertRead;
import dev.vigil.alerting.api.AllAlertsMarkedRead;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Builds {@code alerting.alert_feed} from alerting's events, one statement per event. Every statement is
 * conditioned on the row's state (insert if absent, read only if unread, dismiss only if not dismissed), so an
 * event applied twice changes nothing. Per-user ordering puts a user's {@link AllAlertsMarkedRead} after the
 * alerts raised before it and before those raised after it, live and on replay.
 */
@Component
@ProcessingGroup(AlertFeedProjection.PROCESSING_GROUP)
class AlertFeedProjection {

    static final String PROCESSING_GROUP = "alerting-alert-feed";

    private final AlertFeedRepository feed;

    AlertFeedProjection(AlertFeedRepository feed) {
        this.feed = feed;
    }

    @ResetHandler
    void reset() {
        feed.deleteAll();
    }

    @EventHandler
    void on(AlertRaised event) {
        feed.insert(event);
    }

    @EventHandler
    void on(AlertRead event) {
        feed.markRead(event.alertId(), event.readAt());
    }

    @EventHandler
    void on(AlertDismissed event) {
        feed.dismiss(event.alertId(), event.dismissedAt());
    }

    @EventHandler
    void on(AllAlertsMarkedRead event) {
        feed.markAllRead(event.userId(), event.markedAt());
    }
}
