package dev.vigil.seeder;

import dev.vigil.alerting.api.AlertRaised;
import dev.vigil.billing.api.PaymentFailed;
import dev.vigil.billing.api.PlanChanged;
import dev.vigil.billing.api.SubscriptionCancelled;
import dev.vigil.billing.api.SubscriptionExpired;
import dev.vigil.billing.api.SubscriptionExpiring;
import dev.vigil.billing.api.SubscriptionRenewed;
import dev.vigil.billing.api.SubscriptionStarted;
import dev.vigil.identity.api.ProfileUpdated;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.ExposureReappeared;
import dev.vigil.monitoring.api.SourceKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One user's read-model rows while events are applied. Each {@code apply} mirrors one projection statement
 * (named in its comment); the seeded events never hit a statement's no-op branch (a replay), so the guards
 * those statements carry are not repeated here.
 */
final class UserRows {

    private UserRows() {
    }

    /** identity.user_profile_view (identity.user_profile_upsert / _update). */
    static final class Profile {
        UUID userId;
        String email;
        String displayName;
        String timeZone;
        Instant registeredAt;
        Instant updatedAt;
        long version;

        void registered(UserRegistered e, long version) {
            userId = e.userId();
            email = e.email();
            displayName = e.displayName();
            timeZone = e.timeZone();
            registeredAt = e.registeredAt();
            updatedAt = e.registeredAt();
            this.version = version;
        }

        void updated(ProfileUpdated e, long version) {
            displayName = e.displayName();
            timeZone = e.timeZone();
            updatedAt = e.updatedAt();
            this.version = version;
        }
    }

    /** billing.subscription_view (billing.subscription_*). */
    static final class Subscription {
        String plan;
        String status;
        boolean trial;
        Instant currentPeriodEnd;
        Instant startedAt;
        Instant cancelledAt;
        Instant updatedAt;
        Instant expiryNoticedAt;
        long version;

        static Subscription started(SubscriptionStarted e, long version) {
            Subscription row = new Subscription();
            row.plan = e.plan().name();
            row.status = e.trial() ? "TRIALING" : "ACTIVE";
            row.trial = e.trial();
            row.currentPeriodEnd = e.currentPeriodEnd();
            row.startedAt = e.startedAt();
            row.updatedAt = e.startedAt();
            row.version = version;
            return row;
        }

        void renewed(SubscriptionRenewed e, long version) {
            status = "ACTIVE";
            plan = e.plan().name();
            trial = false;
            currentPeriodEnd = e.currentPeriodEnd();
            cancelledAt = null;
            expiryNoticedAt = null;
            changed(e.renewedAt(), version);
        }

        void paymentFailed(PaymentFailed e, long version) {
            status = "PAST_DUE";
            plan = e.plan().name();
            currentPeriodEnd = e.currentPeriodEnd();
            changed(e.failedAt(), version);
        }

        void planChanged(PlanChanged e, long version) {
            plan = e.plan().name();
            changed(e.changedAt(), version);
        }

        void cancelled(SubscriptionCancelled e, long version) {
            status = "CANCELLED";
            plan = e.plan().name();
            currentPeriodEnd = e.activeUntil();
            cancelledAt = e.cancelledAt();
            changed(e.cancelledAt(), version);
        }

        void expiring(SubscriptionExpiring e, long version) {
            expiryNoticedAt = e.noticedAt();
            changed(e.noticedAt(), version);
        }

        void expired(SubscriptionExpired e, long version) {
            status = "EXPIRED";
            plan = e.plan().name();
            changed(e.expiredAt(), version);
        }

        private void changed(Instant at, long version) {
            updatedAt = at;
            this.version = version;
        }
    }

    /** dashboard.dashboard_summary: the columns events set (the counters come from the item rows). */
    static final class Dashboard {
        String displayName;
        String plan = "FREE";
        String subscriptionStatus;
        Instant currentPeriodEnd;
        Instant subscriptionEndsAt;
        Instant lastAlertAt;
        Instant lastExposureAt;
        Instant updatedAt;

        /** Every statement sets updated_at = GREATEST(old, event time). */
        void touch(Instant at) {
            updatedAt = updatedAt == null || at.isAfter(updatedAt) ? at : updatedAt;
        }

        /** dashboard.summary_subscription_period */
        void period(String plan, String status, Instant periodEnd) {
            this.plan = plan;
            subscriptionStatus = status;
            currentPeriodEnd = periodEnd;
            subscriptionEndsAt = null;
        }

        /** dashboard.summary_subscription_past_due */
        void pastDue(String plan, Instant periodEnd) {
            this.plan = plan;
            subscriptionStatus = "PAST_DUE";
            currentPeriodEnd = periodEnd;
        }

        /** dashboard.summary_subscription_ending */
        void ending(String plan, String status, Instant endsAt) {
            this.plan = plan;
            subscriptionStatus = status;
            subscriptionEndsAt = endsAt;
        }
    }

    /** monitoring.exposure_feed and dashboard.exposure_state (monitoring.exposure_feed_*, dashboard.exposure_*). */
    static final class Exposure {
        UUID exposureId;
        UUID userId;
        String sourceName;
        SourceKind sourceKind;
        List<DataType> dataTypes;
        String severity;
        String status;
        Instant foundAt;
        Instant createdAt;
        Instant updatedAt;
        Instant removalRequestedAt;
        Instant removedAt;
        int reappearedCount;
        String lastFailureReason;
        long version;

        static Exposure detected(ExposureDetected e, long version) {
            Exposure row = new Exposure();
            row.exposureId = e.exposureId();
            row.userId = e.userId();
            row.sourceName = e.sourceName();
            row.sourceKind = e.sourceKind();
            row.dataTypes = e.dataTypes();
            row.severity = e.severity().name();
            row.status = "ACTIVE";
            row.foundAt = e.foundAt();
            row.createdAt = e.detectedAt();
            row.updatedAt = e.detectedAt();
            row.version = version;
            return row;
        }

        void removalRequested(Instant at, long version) {
            status = "REMOVAL_REQUESTED";
            removalRequestedAt = at;
            changed(at, version);
        }

        void removed(Instant at, long version) {
            status = "REMOVED";
            removedAt = at;
            changed(at, version);
        }

        void failed(String reason, Instant at, long version) {
            status = "REMOVAL_FAILED";
            lastFailureReason = reason;
            changed(at, version);
        }

        void reappeared(ExposureReappeared e, long version) {
            status = "ACTIVE";
            severity = e.severity().name();
            foundAt = e.foundAt();
            removalRequestedAt = null;
            removedAt = null;
            lastFailureReason = null;
            reappearedCount++;
            changed(e.reappearedAt(), version);
        }

        boolean open() {
            return !"REMOVED".equals(status);
        }

        private void changed(Instant at, long version) {
            updatedAt = at;
            this.version = version;
        }
    }

    /** alerting.alert_feed and dashboard.alert_state (alerting.alert_feed_*, dashboard.alert_*). */
    static final class Alert {
        final AlertRaised raised;
        String status = "UNREAD";
        Instant readAt;
        Instant dismissedAt;
        Instant updatedAt;
        /** The Alert aggregate's last event applied ("mark all read" is the inbox's, not the alert's). */
        long version;

        Alert(AlertRaised raised) {
            this.raised = raised;
            this.updatedAt = raised.raisedAt();
        }

        /** Only an unread alert becomes read (a single read, or "mark all read"). */
        void read(Instant at) {
            if ("UNREAD".equals(status)) {
                status = "READ";
                readAt = at;
                updatedAt = at;
            }
        }

        /** Keeps read_at if it was read first. */
        void dismissed(Instant at) {
            status = "DISMISSED";
            dismissedAt = at;
            updatedAt = at;
        }
    }
}
