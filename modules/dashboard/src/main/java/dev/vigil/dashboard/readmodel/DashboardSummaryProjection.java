package dev.vigil.dashboard.readmodel;

import dev.vigil.alerting.api.AlertDismissed;
import dev.vigil.alerting.api.AlertRaised;
import dev.vigil.alerting.api.AlertRead;
import dev.vigil.alerting.api.AllAlertsMarkedRead;
import dev.vigil.billing.api.PaymentFailed;
import dev.vigil.billing.api.PlanChanged;
import dev.vigil.billing.api.SubscriptionCancelled;
import dev.vigil.billing.api.SubscriptionExpired;
import dev.vigil.billing.api.SubscriptionExpiring;
import dev.vigil.billing.api.SubscriptionRenewed;
import dev.vigil.billing.api.SubscriptionStarted;
import dev.vigil.billing.api.SubscriptionStatus;
import dev.vigil.identity.api.ProfileUpdated;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.ExposureReappeared;
import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.RemovalConfirmed;
import dev.vigil.monitoring.api.RemovalFailed;
import dev.vigil.monitoring.api.RemovalRequested;
import dev.vigil.dashboard.query.DashboardCaches;
import dev.vigil.platform.axon.CachedReads;
import dev.vigil.platform.cache.CacheSpace;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Builds {@code dashboard.dashboard_summary} from every module's events, one statement per event.
 * <p>
 * Counters are exact: each exposure or alert event is a state transition in a state table, and the
 * statement that performs it adds the deltas of that transition to the user's row, atomically in SQL. Every
 * statement is guarded by the sequence number of the event's aggregate (the user, the subscription, the
 * exposure, the alert, the alert inbox), recorded on the row it changes: an event applied again, or an old one
 * delivered late, changes nothing. The platform processes a user's events in order in one segment, so the
 * row sees them in event-store order, and the atomic updates keep counts exact even if two ever ran at once. Any event may arrive before the user's
 * registration: every statement creates the row on demand.
 * <p>
 * Risk score (a generated column): {@code min(100, LOW + 4 * MEDIUM + 10 * HIGH + 25 * CRITICAL)} over the
 * open (not removed) exposures by their current severity.
 */
@Component
@ProcessingGroup(DashboardSummaryProjection.PROCESSING_GROUP)
class DashboardSummaryProjection implements CachedReads {

    static final String PROCESSING_GROUP = "dashboard-summary";

    private final DashboardSummaryRepository summaries;
    private final ExposureCountersRepository exposures;
    private final AlertCountersRepository alerts;

    DashboardSummaryProjection(DashboardSummaryRepository summaries, ExposureCountersRepository exposures,
            AlertCountersRepository alerts) {
        this.summaries = summaries;
        this.exposures = exposures;
        this.alerts = alerts;
    }

    /** Every event it handles is about the user's one row. */
    @Override
    public List<CacheSpace> spaces() {
        return List.of(DashboardCaches.SUMMARY);
    }

    @ResetHandler
    void reset() {
        summaries.deleteAll();
    }

    // identity

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long version) {
        summaries.displayName(event.userId(), event.displayName(), event.registeredAt(), version);
    }

    @EventHandler
    void on(ProfileUpdated event, @SequenceNumber long version) {
        summaries.displayName(event.userId(), event.displayName(), event.updatedAt(), version);
    }

    // billing

    @EventHandler
    void on(SubscriptionStarted event, @SequenceNumber long version) {
        SubscriptionStatus status = event.trial() ? SubscriptionStatus.TRIALING : SubscriptionStatus.ACTIVE;
        summaries.subscriptionPeriod(event.userId(), event.plan().name(), status.name(), event.currentPeriodEnd(),
                event.startedAt(), version);
    }

    @EventHandler
    void on(SubscriptionRenewed event, @SequenceNumber long version) {
        summaries.subscriptionPeriod(event.userId(), event.plan().name(), SubscriptionStatus.ACTIVE.name(),
                event.currentPeriodEnd(), event.renewedAt(), version);
    }

    @EventHandler
    void on(PaymentFailed event, @SequenceNumber long version) {
        summaries.pastDue(event.userId(), event.plan().name(), event.currentPeriodEnd(), event.failedAt(), version);
    }

    @EventHandler
    void on(PlanChanged event, @SequenceNumber long version) {
        summaries.plan(event.userId(), event.plan().name(), event.changedAt(), version);
    }

    @EventHandler
    void on(SubscriptionCancelled event, @SequenceNumber long version) {
        summaries.ending(event.userId(), event.plan().name(), SubscriptionStatus.CANCELLED.name(), event.activeUntil(),
                event.cancelledAt(), version);
    }

    @EventHandler
    void on(SubscriptionExpiring event, @SequenceNumber long version) {
        summaries.expiring(event.userId(), event.expiresAt(), event.noticedAt(), version);
    }

    @EventHandler
    void on(SubscriptionExpired event, @SequenceNumber long version) {
        summaries.ending(event.userId(), event.plan().name(), SubscriptionStatus.EXPIRED.name(), event.expiredAt(),
                event.expiredAt(), version);
    }

    // monitoring

    @EventHandler
    void on(ExposureDetected event, @SequenceNumber long version) {
        exposures.detected(event.userId(), event.exposureId(), event.severity().name(), event.detectedAt(), version);
    }

    @EventHandler
    void on(RemovalRequested event, @SequenceNumber long version) {
        exposures.moved(event.userId(), event.exposureId(), ExposureStatus.REMOVAL_REQUESTED.name(), event.requestedAt(),
                version);
    }

    @EventHandler
    void on(RemovalConfirmed event, @SequenceNumber long version) {
        exposures.moved(event.userId(), event.exposureId(), ExposureStatus.REMOVED.name(), event.removedAt(), version);
    }

    @EventHandler
    void on(RemovalFailed event, @SequenceNumber long version) {
        exposures.moved(event.userId(), event.exposureId(), ExposureStatus.REMOVAL_FAILED.name(), event.failedAt(),
                version);
    }

    @EventHandler
    void on(ExposureReappeared event, @SequenceNumber long version) {
        exposures.reappeared(event.userId(), event.exposureId(), event.severity().name(), event.reappearedAt(),
                version);
    }

    // alerting

    @EventHandler
    void on(AlertRaised event, @SequenceNumber long version) {
        alerts.raised(event.userId(), event.alertId(), event.raisedAt(), version);
    }

    @EventHandler
    void on(AlertRead event, @SequenceNumber long version) {
        alerts.read(event.userId(), event.alertId(), event.readAt(), version);
    }

    @EventHandler
    void on(AlertDismissed event, @SequenceNumber long version) {
        alerts.dismissed(event.userId(), event.alertId(), event.dismissedAt(), version);
    }

    @EventHandler
    void on(AllAlertsMarkedRead event, @SequenceNumber long version) {
        alerts.allMarkedRead(event.userId(), event.markedAt(), version);
    }
}
