package dev.vigil.seeder;

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
import dev.vigil.identity.api.ProfileUpdated;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.ExposureReappeared;
import dev.vigil.monitoring.api.RemovalConfirmed;
import dev.vigil.monitoring.api.RemovalFailed;
import dev.vigil.monitoring.api.RemovalRequested;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The rows the projections build from one user's events, computed in memory by applying the events in store
 * order with the same rules as the projections' SQL (which {@code SeededServiceIntegrationTests} checks by
 * rebuilding every read model from the seeded events and comparing checksums).
 */
final class ReadModelRows {

    private final UserRows.Profile profile = new UserRows.Profile();
    private UserRows.Subscription subscription;
    private final UserRows.Dashboard dashboard = new UserRows.Dashboard();
    private final Map<UUID, UserRows.Exposure> exposures = new LinkedHashMap<>();
    private final Map<UUID, UserRows.Alert> alerts = new LinkedHashMap<>();
    private long alertInboxVersion = -1;

    static ReadModelRows of(Iterable<SeedEvent> events) {
        ReadModelRows rows = new ReadModelRows();
        events.forEach(rows::apply);
        return rows;
    }

    UserRows.Profile profile() {
        return profile;
    }

    UserRows.Subscription subscription() {
        return subscription;
    }

    UserRows.Dashboard dashboard() {
        return dashboard;
    }

    Iterable<UserRows.Exposure> exposures() {
        return exposures.values();
    }

    Iterable<UserRows.Alert> alerts() {
        return alerts.values();
    }

    /** The version of the user's last AllAlertsMarkedRead, -1 if none. */
    long alertInboxVersion() {
        return alertInboxVersion;
    }

    private void apply(SeedEvent event) {
        long version = event.sequence();
        dashboard.touch(event.at());
        switch (event.payload()) {
            case UserRegistered e -> {
                profile.registered(e, version);
                dashboard.displayName = e.displayName();
            }
            case ProfileUpdated e -> {
                profile.updated(e, version);
                dashboard.displayName = e.displayName();
            }
            case SubscriptionStarted e -> {
                subscription = UserRows.Subscription.started(e, version);
                dashboard.period(e.plan().name(), subscription.status, e.currentPeriodEnd());
            }
            case SubscriptionRenewed e -> {
                subscription.renewed(e, version);
                dashboard.period(e.plan().name(), "ACTIVE", e.currentPeriodEnd());
            }
            case PaymentFailed e -> {
                subscription.paymentFailed(e, version);
                dashboard.pastDue(e.plan().name(), e.currentPeriodEnd());
            }
            case PlanChanged e -> {
                subscription.planChanged(e, version);
                dashboard.plan = e.plan().name();
            }
            case SubscriptionCancelled e -> {
                subscription.cancelled(e, version);
                dashboard.ending(e.plan().name(), "CANCELLED", e.activeUntil());
            }
            case SubscriptionExpiring e -> {
                subscription.expiring(e, version);
                dashboard.subscriptionEndsAt = e.expiresAt();
            }
            case SubscriptionExpired e -> {
                subscription.expired(e, version);
                dashboard.ending(e.plan().name(), "EXPIRED", e.expiredAt());
            }
            case ExposureDetected e -> {
                exposures.put(e.exposureId(), UserRows.Exposure.detected(e, version));
                dashboard.lastExposureAt = latest(dashboard.lastExposureAt, e.detectedAt());
            }
            case RemovalRequested e -> exposures.get(e.exposureId()).removalRequested(e.requestedAt(), version);
            case RemovalConfirmed e -> exposures.get(e.exposureId()).removed(e.removedAt(), version);
            case RemovalFailed e -> exposures.get(e.exposureId()).failed(e.reason(), e.failedAt(), version);
            case ExposureReappeared e -> {
                exposures.get(e.exposureId()).reappeared(e, version);
                dashboard.lastExposureAt = latest(dashboard.lastExposureAt, e.reappearedAt());
            }
            case AlertRaised e -> {
                alerts.put(e.alertId(), new UserRows.Alert(e));
                dashboard.lastAlertAt = latest(dashboard.lastAlertAt, e.raisedAt());
            }
            case AlertRead e -> {
                alerts.get(e.alertId()).read(e.readAt());
                alerts.get(e.alertId()).version = version;
            }
            case AlertDismissed e -> {
                alerts.get(e.alertId()).dismissed(e.dismissedAt());
                alerts.get(e.alertId()).version = version;
            }
            case AllAlertsMarkedRead e -> {
                alerts.values().forEach(alert -> alert.read(e.markedAt()));
                alertInboxVersion = version;
            }
            default -> throw new IllegalArgumentException("no read-model rule for " + event.payload().getClass());
        }
    }

    private static Instant latest(Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }
}
