package dev.vigil.billing.readmodel;

import static dev.vigil.platform.jdbc.SqlTimes.utc;

import dev.vigil.billing.api.PaymentFailed;
import dev.vigil.billing.api.PlanChanged;
import dev.vigil.billing.api.SubscriptionCancelled;
import dev.vigil.billing.api.SubscriptionExpired;
import dev.vigil.billing.api.SubscriptionExpiring;
import dev.vigil.billing.api.SubscriptionRenewed;
import dev.vigil.billing.api.SubscriptionStarted;
import dev.vigil.billing.api.SubscriptionStatus;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every statement billing's projection sends to {@code billing.subscription_view}. Each applies one event
 * and only if the row's version is older than the event's sequence number (idempotent replays).
 */
@Repository
class SubscriptionViewRepository {

    /** A start (also a new start after expiry) replaces the whole row. */
    private static final String STARTED = """
            /* billing.subscription_started */
            INSERT INTO billing.subscription_view
                (user_id, plan, status, trial, current_period_end, started_at, cancelled_at, updated_at,
                 expiry_noticed_at, version)
            VALUES (:userId, :plan, :status, :trial, :periodEnd, :at, NULL, :at, NULL, :version)
            ON CONFLICT (user_id) DO UPDATE SET
                plan = EXCLUDED.plan,
                status = EXCLUDED.status,
                trial = EXCLUDED.trial,
                current_period_end = EXCLUDED.current_period_end,
                started_at = EXCLUDED.started_at,
                cancelled_at = NULL,
                updated_at = EXCLUDED.updated_at,
                expiry_noticed_at = NULL,
                version = EXCLUDED.version
            WHERE billing.subscription_view.version < EXCLUDED.version""";

    private static final String PLAN_CHANGED = """
            /* billing.subscription_plan_changed */
            UPDATE billing.subscription_view
            SET plan = :plan, updated_at = :at, version = :version
            WHERE user_id = :userId AND version < :version""";

    private static final String CANCELLED = """
            /* billing.subscription_cancelled */
            UPDATE billing.subscription_view
            SET status = 'CANCELLED', plan = :plan, current_period_end = :periodEnd, cancelled_at = :at,
                updated_at = :at, version = :version
            WHERE user_id = :userId AND version < :version""";

    /** A paid period: live again, no longer a trial, not cancelled, and its own expiry notice still to come. */
    private static final String RENEWED = """
            /* billing.subscription_renewed */
            UPDATE billing.subscription_view
            SET status = 'ACTIVE', plan = :plan, trial = FALSE, current_period_end = :periodEnd, cancelled_at = NULL,
                expiry_noticed_at = NULL, updated_at = :at, version = :version
            WHERE user_id = :userId AND version < :version""";

    private static final String PAYMENT_FAILED = """
            /* billing.subscription_payment_failed */
            UPDATE billing.subscription_view
            SET status = 'PAST_DUE', plan = :plan, current_period_end = :periodEnd, updated_at = :at,
                version = :version
            WHERE user_id = :userId AND version < :version""";

    private static final String EXPIRING = """
            /* billing.subscription_expiring */
            UPDATE billing.subscription_view
            SET expiry_noticed_at = :at, updated_at = :at, version = :version
            WHERE user_id = :userId AND version < :version""";

    private static final String EXPIRED = """
            /* billing.subscription_expired */
            UPDATE billing.subscription_view
            SET status = 'EXPIRED', plan = :plan, updated_at = :at, version = :version
            WHERE user_id = :userId AND version < :version""";

    private static final String TRUNCATE = """
            /* billing.subscription_truncate */
            TRUNCATE billing.subscription_view""";

    private final JdbcClient jdbc;

    SubscriptionViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void started(SubscriptionStarted event, long version) {
        SubscriptionStatus status = event.trial() ? SubscriptionStatus.TRIALING : SubscriptionStatus.ACTIVE;
        jdbc.sql(STARTED)
                .param("userId", event.userId())
                .param("plan", event.plan().name())
                .param("status", status.name())
                .param("trial", event.trial())
                .param("periodEnd", utc(event.currentPeriodEnd()))
                .param("at", utc(event.startedAt()))
                .param("version", version)
                .update();
    }

    void planChanged(PlanChanged event, long version) {
        jdbc.sql(PLAN_CHANGED)
                .param("userId", event.userId())
                .param("plan", event.plan().name())
                .param("at", utc(event.changedAt()))
                .param("version", version)
                .update();
    }

    void cancelled(SubscriptionCancelled event, long version) {
        jdbc.sql(CANCELLED)
                .param("userId", event.userId())
                .param("plan", event.plan().name())
                .param("periodEnd", utc(event.activeUntil()))
                .param("at", utc(event.cancelledAt()))
                .param("version", version)
                .update();
    }

    void renewed(SubscriptionRenewed event, long version) {
        jdbc.sql(RENEWED)
                .param("userId", event.userId())
                .param("plan", event.plan().name())
                .param("periodEnd", utc(event.currentPeriodEnd()))
                .param("at", utc(event.renewedAt()))
                .param("version", version)
                .update();
    }

    void paymentFailed(PaymentFailed event, long version) {
        jdbc.sql(PAYMENT_FAILED)
                .param("userId", event.userId())
                .param("plan", event.plan().name())
                .param("periodEnd", utc(event.currentPeriodEnd()))
                .param("at", utc(event.failedAt()))
                .param("version", version)
                .update();
    }

    void expiring(SubscriptionExpiring event, long version) {
        jdbc.sql(EXPIRING)
                .param("userId", event.userId())
                .param("at", utc(event.noticedAt()))
                .param("version", version)
                .update();
    }

    void expired(SubscriptionExpired event, long version) {
        jdbc.sql(EXPIRED)
                .param("userId", event.userId())
                .param("plan", event.plan().name())
                .param("at", utc(event.expiredAt()))
                .param("version", version)
                .update();
    }

    void deleteAll() {
        jdbc.sql(TRUNCATE).update();
    }
}
