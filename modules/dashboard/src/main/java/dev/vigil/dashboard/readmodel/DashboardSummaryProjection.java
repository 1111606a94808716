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
import dev.vigil.platform.axon.EventUsers;
import dev.vigil.platform.cache.ReadCache;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.interceptors.MessageHandlerInterceptor;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Builds {@code dashboard.dashboard_summary} from every module's events, one statement per event.
 * <p>
 * Counters are exact: each exposure or alert event is a state transition in a state table, and the
 * statement that performs it adds the deltas of that transition to the user's row, atomically in SQL. An
 * event applied twice finds its item already in the new state and changes nothing. The platform processes
 * a user's events in order in one segment, so the row sees them in event-store order, and the atomic
 * updates keep counts exact even if two ever ran at once. Any event may arrive before the user's
 * registration: every statement creates the row on demand.
 * <p>
 * Risk score (a generated column): {@code min(100, LOW + 4 * MEDIUM + 10 * HIGH + 25 * CRITICAL)} over the
 * open (not removed) exposures by their current severity.
 */
@Component
@ProcessingGroup(DashboardSummaryProjection.PROCESSING_GROUP)
class DashboardSummaryProjection {

    static final String PROCESSING_GROUP = "dashboard-summary";

    private final DashboardSummaryRepository summaries;
    private final ExposureCountersRepository exposures;
    private final AlertCountersRepository alerts;
    private final ReadCache cache;

    DashboardSummaryProjection(DashboardSummaryRepository summaries, ExposureCountersRepository exposures,
            AlertCountersRepository alerts, ReadCache cache) {
        this.summaries = summaries;
        this.exposures = exposures;
        this.alerts = alerts;
        this.cache = cache;
    }

    /** Whatever an event changed on a user's row, their cached dashboard goes stale once this batch commits. */
    @MessageHandlerInterceptor(messageType = EventMessage.class)
    void invalidateTheCachedSummary(EventMessage<?> event, InterceptorChain chain) throws Exception {
        chain.proceed();
        EventUsers.userIdOf(event.getPayload())
                .ifPresent(userId -> cache.invalidateAfterCommit(DashboardCaches.SUMMARY, userId));
    }

    @ResetHandler
    void reset() {
        summaries.deleteAll();
    }

    // identity

    @EventHandler
    void on(UserRegistered event) {
        summaries.displayName(event.userId(), event.displayName(), event.registeredAt());
    }

    @EventHandler
    void on(ProfileUpdated event) {
        summaries.displayName(event.userId(), event.displayName(), event.updatedAt());
    }

    // billing

    @EventHandler
    void on(SubscriptionStarted event) {
        SubscriptionStatus status = event.trial() ? SubscriptionStatus.TRIALING : SubscriptionStatus.ACTIVE;
        summaries.subscriptionPeriod(event.userId(), event.plan().name(), status.name(), event.currentPeriodEnd(),
                event.startedAt());
    }

    @EventHandler
    void on(SubscriptionRenewed event) {
        summaries.subscriptionPeriod(event.userId(), event.plan().name(), SubscriptionStatus.ACTIVE.name(),
                event.currentPeriodEnd(), event.renewedAt());
    }

    @EventHandler
    void on(PaymentFailed event) {
        summaries.pastDue(event.userId(), event.plan().name(), event.currentPeriodEnd(), event.failedAt());
    }

    @EventHandler
    void on(PlanChanged event) {
        summaries.plan(event.userId(), event.plan().name(), event.changedAt());
    }

    @EventHandler
    void on(SubscriptionCancelled event) {
        summaries.ending(event.userId(), event.plan().name(), SubscriptionStatus.CANCELLED.name(), event.activeUntil(),
                event.cancelledAt());
    }

    @EventHandler
    void on(SubscriptionExpiring event) {
        summaries.expiring(event.userId(), event.expiresAt(), event.noticedAt());
    }

    @EventHandler
    void on(SubscriptionExpired event) {
        summaries.ending(event.userId(), event.plan().name(), SubscriptionStatus.EXPIRED.name(), event.expiredAt(),
                event.expiredAt());
    }

    // monitoring

    @EventHandler
    void on(ExposureDetected event) {
        exposures.detected(event.userId(), event.exposureId(), event.severity().name(), event.detectedAt());
    }

    @EventHandler
    void on(RemovalRequested event) {
        exposures.moved(event.userId(), event.exposureId(), ExposureStatus.REMOVAL_REQUESTED.name(), event.requestedAt());
    }

    @EventHandler
    void on(RemovalConfirmed event) {
        exposures.moved(event.userId(), event.exposureId(), ExposureStatus.REMOVED.name(), event.removedAt());
    }

    @EventHandler
    void on(RemovalFailed event) {
        exposures.moved(event.userId(), event.exposureId(), ExposureStatus.REMOVAL_FAILED.name(), event.failedAt());
    }

    @EventHandler
    void on(ExposureReappeared event) {
        exposures.reappeared(event.userId(), event.exposureId(), event.severity().name(), event.reappearedAt());
    }

    // alerting

    @EventHandler
    void on(AlertRaised event) {
        alerts.raised(event.userId(), event.alertId(), event.raisedAt());
    }

    @EventHandler
    void on(AlertRead event) {
        alerts.read(event.userId(), event.alertId(), event.readAt());
    }

    @EventHandler
    void on(AlertDismissed event) {
        alerts.dismissed(event.userId(), event.alertId(), event.dismissedAt());
    }

    @EventHandler
    void on(AllAlertsMarkedRead event) {
        alerts.allMarkedRead(event.userId(), event.markedAt());
    }
}
