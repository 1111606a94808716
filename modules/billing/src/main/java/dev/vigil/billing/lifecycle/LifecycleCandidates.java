package dev.vigil.billing.lifecycle;

import static dev.vigil.platform.jdbc.SqlTimes.utc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statements that find work for the lifecycle job, each served by its partial index
 * (db/migration/billing/V202611270301). The status literals repeat the index predicates on purpose: with
 * parameters instead, PostgreSQL could not prove a generic plan may use the partial index.
 */
@Repository
class LifecycleCandidates {

    /** Served by subscription_view_notice_due_idx: a range scan, in period-end order. */
    static final String NOTICE_DUE = """
            /* billing.subscription_notice_due */
            SELECT user_id FROM billing.subscription_view
            WHERE status IN ('TRIALING', 'PAST_DUE', 'CANCELLED') AND expiry_noticed_at IS NULL
              AND current_period_end > :now AND current_period_end <= :noticeUntil
            ORDER BY current_period_end
            LIMIT :limit""";

    /**
     * Served by subscription_view_expiry_due_idx: the prefix of live subscriptions whose period has ended;
     * ACTIVE ones still inside the renewal grace are skipped.
     */
    static final String EXPIRY_DUE = """
            /* billing.subscription_expiry_due */
            SELECT user_id FROM billing.subscription_view
            WHERE status <> 'EXPIRED' AND current_period_end <= :now
              AND (status <> 'ACTIVE' OR current_period_end <= :activeEndedBefore)
            ORDER BY current_period_end
            LIMIT :limit""";

    private final JdbcClient jdbc;

    LifecycleCandidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Lapsing subscriptions (trial, past due, cancelled) ending after {@code now} and by {@code noticeUntil}, not yet noticed. */
    List<UUID> dueForNotice(Instant now, Instant noticeUntil, int limit) {
        return jdbc.sql(NOTICE_DUE)
                .param("now", utc(now))
                .param("noticeUntil", utc(noticeUntil))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** Subscriptions whose period has ended by {@code now}; ACTIVE ones only if it ended by {@code activeEndedBefore}. */
    List<UUID> dueForExpiry(Instant now, Instant activeEndedBefore, int limit) {
        return jdbc.sql(EXPIRY_DUE)
                .param("now", utc(now))
                .param("activeEndedBefore", utc(activeEndedBefore))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }
}
