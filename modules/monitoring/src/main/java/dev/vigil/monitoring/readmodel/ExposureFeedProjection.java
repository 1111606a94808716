package dev.vigil.monitoring.readmodel;

import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.ExposureReappeared;
import dev.vigil.monitoring.api.RemovalConfirmed;
import dev.vigil.monitoring.api.RemovalFailed;
import dev.vigil.monitoring.api.RemovalRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Builds {@code monitoring.exposure_feed} from monitoring's events, one statement per event. The version
 * is the event's sequence number within its exposure.
 */
@Component
@ProcessingGroup(ExposureFeedProjection.PROCESSING_GROUP)
class ExposureFeedProjection {

    static final String PROCESSING_GROUP = "monitoring-exposure-feed";

    private final ExposureFeedRepository feed;

    ExposureFeedProjection(ExposureFeedRepository feed) {
        this.feed = feed;
    }

    @ResetHandler
    void reset() {
        feed.deleteAll();
    }

    @EventHandler
    void on(ExposureDetected event, @SequenceNumber long version) {
        feed.insert(event.exposureId(), event.userId(), event.sourceName(), event.sourceKind(), event.dataTypes(),
                event.severity(), event.foundAt(), event.detectedAt(), version);
    }

    @EventHandler
    void on(RemovalRequested event, @SequenceNumber long version) {
        feed.removalRequested(event.exposureId(), event.requestedAt(), version);
    }

    @EventHandler
    void on(RemovalConfirmed event, @SequenceNumber long version) {
        feed.removalConfirmed(event.exposureId(), event.removedAt(), version);
    }

    @EventHandler
    void on(RemovalFailed event, @SequenceNumber long version) {
        feed.removalFailed(event.exposureId(), event.reason(), event.failedAt(), version);
    }

    @EventHandler
    void on(ExposureReappeared event, @SequenceNumber long version) {
        feed.reappeared(event.exposureId(), event.severity(), event.foundAt(), event.reappearedAt(), version);
    }
}
