package dev.vigil.monitoring.readmodel;

import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.ExposureReappeared;
import dev.vigil.monitoring.api.RemovalConfirmed;
import dev.vigil.monitoring.api.RemovalFailed;
import dev.vigil.monitoring.api.RemovalRequested;
import dev.vigil.monitoring.query.MonitoringCaches;
import dev.vigil.platform.axon.CachedReads;
import dev.vigil.platform.cache.CacheSpace;
import java.util.List;
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
class ExposureFeedProjection implements CachedReads {

    static final String PROCESSING_GROUP = "monitoring-exposure-feed";

    private final ExposureFeedRepository feed;

    ExposureFeedProjection(ExposureFeedRepository feed) {
        this.feed = feed;
    }

    /** A user's list pages and single exposures both show their rows. */
    @Override
    public List<CacheSpace> spaces() {
        return List.of(MonitoringCaches.EXPOSURE_PAGES, MonitoringCaches.EXPOSURES);
    }

    /**
     * Cached reads are not dropped here: the replay that follows inserts every row again, and each insert drops
     * its user's entries, so no user's cache outlives the rebuild of their rows.
     */
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
