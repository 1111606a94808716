package dev.vigil.monitoring.readmodel;

import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.ExposureReappeared;
import dev.vigil.monitoring.api.RemovalConfirmed;
import dev.vigil.monitoring.api.RemovalFailed;
import dev.vigil.monitoring.api.RemovalRequested;
import dev.vigil.monitoring.query.MonitoringCaches;
import dev.vigil.platform.cache.ReadCache;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Builds {@code monitoring.exposure_feed} from monitoring's events, one statement per event. The version
 * is the event's sequence number within its exposure. An event that changed a row drops the user's cached
 * exposure reads once the transaction commits; one applied again (a replay) changes nothing and keeps them.
 */
@Component
@ProcessingGroup(ExposureFeedProjection.PROCESSING_GROUP)
class ExposureFeedProjection {

    static final String PROCESSING_GROUP = "monitoring-exposure-feed";

    private final ExposureFeedRepository feed;
    private final ReadCache cache;

    ExposureFeedProjection(ExposureFeedRepository feed, ReadCache cache) {
        this.feed = feed;
        this.cache = cache;
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
        changed(event.userId(), feed.insert(event.exposureId(), event.userId(), event.sourceName(), event.sourceKind(),
                event.dataTypes(), event.severity(), event.foundAt(), event.detectedAt(), version));
    }

    @EventHandler
    void on(RemovalRequested event, @SequenceNumber long version) {
        changed(event.userId(), feed.removalRequested(event.exposureId(), event.requestedAt(), version));
    }

    @EventHandler
    void on(RemovalConfirmed event, @SequenceNumber long version) {
        changed(event.userId(), feed.removalConfirmed(event.exposureId(), event.removedAt(), version));
    }

    @EventHandler
    void on(RemovalFailed event, @SequenceNumber long version) {
        changed(event.userId(), feed.removalFailed(event.exposureId(), event.reason(), event.failedAt(), version));
    }

    @EventHandler
    void on(ExposureReappeared event, @SequenceNumber long version) {
        changed(event.userId(), feed.reappeared(event.exposureId(), event.severity(), event.foundAt(),
                event.reappearedAt(), version));
    }

    /**
     * After the commit, so the next read sees the change and a read racing the commit cannot store the old rows
     * after it.
     */
    private void changed(UUID userId, boolean rowChanged) {
        if (rowChanged) {
            cache.invalidateAfterCommit(MonitoringCaches.EXPOSURE_PAGES, userId);
            cache.invalidateAfterCommit(MonitoringCaches.EXPOSURES, userId);
        }
    }
}
