package dev.vigil.dashboard.readmodel;

import static dev.vigil.dashboard.readmodel.Timestamps.utc;

import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The columns of {@code dashboard.dashboard_summary} that events set rather than count: the display name
 * and the subscription. Each statement creates the row on demand (counters at zero, plan FREE) and sets
 * values straight from the event, only if the event is newer than the last one of its aggregate applied to
 * the row ({@code profile_version} for the user's, {@code subscription_version} for the subscription's), so
 * an event applied again changes nothing. {@code updated_at} only moves forward.
 */
@Repository
class DashboardSummaryRepository {

    private static final String DISPLAY_NAME = """
            /* dashboard.summary_display_name */
            INSERT INTO dashboard.dashboard_summary AS s (user_id, display_name, updated_at, profile_version)
            VALUES (:userId, :displayName, :at, :version)
            ON CONFLICT (user_id) DO UPDATE SET
                display_name = EXCLUDED.display_name,
                updated_at = GREATEST(s.updated_at, EXCLUDED.updated_at),
                profile_version = EXCLUDED.profile_version
            WHERE s.profile_version < EXCLUDED.profile_version""";

    /** Started or renewed: a new paid (or trial) period, which nothing is scheduled to end. */
    private static final String SUBSCRIPTION_PERIOD = """
            /* dashboard.summary_subscription_period */
            INSERT INTO dashboard.dashboard_summary AS s
                (user_id, plan, subscription_status, current_period_end, subscription_ends_at, updated_at,
                 subscription_version)
            VALUES (:userId, :plan, :status, :periodEnd, NULL, :at, :version)
            ON CONFLICT (user_id) DO UPDATE SET
                plan = EXCLUDED.plan,
                subscription_status = EXCLUDED.subscription_status,
                current_period_end = EXCLUDED.current_period_end,
                subscription_ends_at = NULL,
                updated_at = GREATEST(s.updated_at, EXCLUDED.updated_at),
                subscription_version = EXCLUDED.subscription_version
            WHERE s.subscription_version < EXCLUDED.subscription_version""";

    /** Payment failed: PAST_DUE for the period the event names; an announced end stays. */
    private static final String PAST_DUE = """
            /* dashboard.summary_subscription_past_due */
            INSERT INTO dashboard.dashboard_summary AS s
                (user_id, plan, subscription_status, current_period_end, updated_at, subscription_version)
            VALUES (:userId, :plan, 'PAST_DUE', :periodEnd, :at, :version)
            ON CONFLICT (user_id) DO UPDATE SET
                plan = EXCLUDED.plan,
                subscription_status = EXCLUDED.subscription_status,
                current_period_end = EXCLUDED.current_period_end,
                updated_at = GREATEST(s.updated_at, EXCLUDED.updated_at),
                subscription_version = EXCLUDED.subscription_version
            WHERE s.subscription_version < EXCLUDED.subscription_version""";

    /** Another plan; status and period unchanged. */
    private static final String PLAN = """
            /* dashboard.summary_subscription_plan */
            INSERT INTO dashboard.dashboard_summary AS s (user_id, plan, updated_at, subscription_version)
            VALUES (:userId, :plan, :at, :version)
            ON CONFLICT (user_id) DO UPDATE SET
                plan = EXCLUDED.plan,
                updated_at = GREATEST(s.updated_at, EXCLUDED.updated_at),
                subscription_version = EXCLUDED.subscription_version
            WHERE s.subscription_version < EXCLUDED.subscription_version""";

    /** Cancelled or expired: the status, and when the subscription stops (or stopped); the period stays. */
    private static final String ENDING = """
            /* dashboard.summary_subscription_ending */
            INSERT INTO dashboard.dashboard_summary AS s
                (user_id, plan, subscription_status, subscription_ends_at, updated_at, subscription_version)
            VALUES (:userId, :plan, :status, :endsAt, :at, :version)
            ON CONFLICT (user_id) DO UPDATE SET
                plan = EXCLUDED.plan,
                subscription_status = EXCLUDED.subscription_status,
                subscription_ends_at = EXCLUDED.subscription_ends_at,
                updated_at = GREATEST(s.updated_at, EXCLUDED.updated_at),
                subscription_version = EXCLUDED.subscription_version
            WHERE s.subscription_version < EXCLUDED.subscription_version""";

    /** Expiry announced: only when it will end; plan and status are unchanged. */
    private static final String EXPIRING = """
            /* dashboard.summary_subscription_expiring */
            INSERT INTO dashboard.dashboard_summary AS s
                (user_id, subscription_ends_at, updated_at, subscription_version)
            VALUES (:userId, :endsAt, :at, :version)
            ON CONFLICT (user_id) DO UPDATE SET
                subscription_ends_at = EXCLUDED.subscription_ends_at,
                updated_at = GREATEST(s.updated_at, EXCLUDED.updated_at),
                subscription_version = EXCLUDED.subscription_version
            WHERE s.subscription_version < EXCLUDED.subscription_version""";

    /** Empties the summary and the state tables its counters come from, together. */
    private static final String TRUNCATE = """
            /* dashboard.summary_truncate */
            TRUNCATE dashboard.dashboard_summary, dashboard.exposure_state, dashboard.alert_state""";

    private final JdbcClient jdbc;

    DashboardSummaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void displayName(UUID userId, String displayName, Instant at, long version) {
        jdbc.sql(DISPLAY_NAME)
                .param("userId", userId)
                .param("displayName", displayName)
                .param("at", utc(at))
                .param("version", version)
                .update();
    }

    void subscriptionPeriod(UUID userId, String plan, String status, Instant periodEnd, Instant at, long version) {
        jdbc.sql(SUBSCRIPTION_PERIOD)
                .param("userId", userId)
                .param("plan", plan)
                .param("status", status)
                .param("periodEnd", utc(periodEnd))
                .param("at", utc(at))
                .param("version", version)
                .update();
    }

    void pastDue(UUID userId, String plan, Instant periodEnd, Instant at, long version) {
        jdbc.sql(PAST_DUE)
                .param("userId", userId)
                .param("plan", plan)
                .param("periodEnd", utc(periodEnd))
                .param("at", utc(at))
                .param("version", version)
                .update();
    }

    void plan(UUID userId, String plan, Instant at, long version) {
        jdbc.sql(PLAN)
                .param("userId", userId)
                .param("plan", plan)
                .param("at", utc(at))
                .param("version", version)
                .update();
    }

    void ending(UUID userId, String plan, String status, Instant endsAt, Instant at, long version) {
        jdbc.sql(ENDING)
                .param("userId", userId)
                .param("plan", plan)
                .param("status", status)
                .param("endsAt", utc(endsAt))
                .param("at", utc(at))
                .param("version", version)
                .update();
    }

    void expiring(UUID userId, Instant endsAt, Instant at, long version) {
        jdbc.sql(EXPIRING)
                .param("userId", userId)
                .param("endsAt", utc(endsAt))
                .param("at", utc(at))
                .param("version", version)
                .update();
    }

    void deleteAll() {
        jdbc.sql(TRUNCATE).update();
    }
}
