package dev.vigil.dashboard.readmodel;

import static dev.vigil.dashboard.readmodel.Timestamps.utc;

import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Moves alerts between states in {@code dashboard.alert_state} and applies the counter deltas to
 * {@code dashboard.dashboard_summary} in the same statement. An alert moves only for an event newer than the
 * last one of its aggregate applied ({@code alert_state.version}, the Alert's sequence number; for "mark all
 * read" {@code dashboard_summary.alert_inbox_version}, the user's AlertInbox's), so a replayed event changes no
 * count. The user's row is created on demand; a new row starts from zero, so the proposed insert never carries
 * a decrease (the CHECK constraints see it too).
 */
@Repository
class AlertCountersRepository {

    /** The alert's first event (version 0): a second delivery finds it present and adds nothing. */
    private static final String RAISED = """
            /* dashboard.alert_raised */
            WITH added AS (
                INSERT INTO dashboard.alert_state (user_id, alert_id, status, version)
                VALUES (:userId, :alertId, 'UNREAD', :version)
                ON CONFLICT (user_id, alert_id) DO NOTHING
                RETURNING alert_id
            )
            INSERT INTO dashboard.dashboard_summary AS s (user_id, alerts_total, alerts_unread, last_alert_at, updated_at)
            SELECT :userId, count(*), count(*), :raisedAt, :raisedAt FROM added
            ON CONFLICT (user_id) DO UPDATE SET
                alerts_total = s.alerts_total + EXCLUDED.alerts_total,
                alerts_unread = s.alerts_unread + EXCLUDED.alerts_unread,
                last_alert_at = GREATEST(s.last_alert_at, EXCLUDED.last_alert_at),
                updated_at = GREATEST(s.updated_at, EXCLUDED.updated_at)""";

    /** Only an UNREAD alert becomes READ: a dismissed one stays dismissed. */
    private static final String READ = """
            /* dashboard.alert_read */
            WITH newly_read AS (
                UPDATE dashboard.alert_state SET status = 'READ', version = :version
                WHERE user_id = :userId AND alert_id = :alertId AND version < :version AND status = 'UNREAD'
                RETURNING alert_id
            )
            INSERT INTO dashboard.dashboard_summary AS s (user_id, updated_at)
            VALUES (:userId, :at)
            ON CONFLICT (user_id) DO UPDATE SET
                alerts_unread = s.alerts_unread - (SELECT count(*) FROM newly_read),
                updated_at = GREATEST(s.updated_at, EXCLUDED.updated_at)""";

    /** UNREAD or READ becomes DISMISSED; the unread count drops only if it was UNREAD (read from the locked old row). */
    private static final String DISMISSED = """
            /* dashboard.alert_dismissed */
            WITH old AS (
                SELECT user_id, alert_id, status
                FROM dashboard.alert_state
                WHERE user_id = :userId AND alert_id = :alertId AND version < :version
                FOR UPDATE
            ), dismissed AS (
                UPDATE dashboard.alert_state a SET status = 'DISMISSED', version = :version
                FROM old
                WHERE a.user_id = old.user_id AND a.alert_id = old.alert_id AND old.status <> 'DISMISSED'
                RETURNING old.status AS old_status
            )
            INSERT INTO dashboard.dashboard_summary AS s (user_id, updated_at)
            VALUES (:userId, :at)
            ON CONFLICT (user_id) DO UPDATE SET
                alerts_unread = s.alerts_unread - (SELECT count(*) FROM dismissed WHERE old_status = 'UNREAD'),
                updated_at = GREATEST(s.updated_at, EXCLUDED.updated_at)""";

    /**
     * If the event is newer than the user's last "mark all read" applied, every alert of the user that is UNREAD
     * now (per-user ordering: every alert raised before the event) becomes READ, and the unread count drops by
     * exactly that many. Served by alert_state_unread_idx. The alerts' own versions stay: they count the Alert
     * aggregate's events. Both parts check the inbox version: the marking against the statement's snapshot, the
     * counter update against the row it locks (the same, as a user's events are applied one at a time).
     */
    private static final String ALL_MARKED_READ = """
            /* dashboard.alerts_all_marked_read */
            WITH marked AS (
                UPDATE dashboard.alert_state SET status = 'READ'
                WHERE user_id = :userId AND status = 'UNREAD'
                  AND EXISTS (SELECT 1 FROM dashboard.dashboard_summary
                              WHERE user_id = :userId AND alert_inbox_version < :version)
                RETURNING alert_id
            )
            INSERT INTO dashboard.dashboard_summary AS s (user_id, updated_at, alert_inbox_version)
            VALUES (:userId, :at, :version)
            ON CONFLICT (user_id) DO UPDATE SET
                alerts_unread = s.alerts_unread - (SELECT count(*) FROM marked),
                updated_at = GREATEST(s.updated_at, EXCLUDED.updated_at),
                alert_inbox_version = EXCLUDED.alert_inbox_version
            WHERE s.alert_inbox_version < EXCLUDED.alert_inbox_version""";

    private final JdbcClient jdbc;

    AlertCountersRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void raised(UUID userId, UUID alertId, Instant raisedAt, long version) {
        jdbc.sql(RAISED)
                .param("userId", userId)
                .param("alertId", alertId)
                .param("raisedAt", utc(raisedAt))
                .param("version", version)
                .update();
    }

    void read(UUID userId, UUID alertId, Instant readAt, long version) {
        oneAlert(READ, userId, alertId, readAt, version);
    }

    void dismissed(UUID userId, UUID alertId, Instant dismissedAt, long version) {
        oneAlert(DISMISSED, userId, alertId, dismissedAt, version);
    }

    void allMarkedRead(UUID userId, Instant markedAt, long version) {
        jdbc.sql(ALL_MARKED_READ)
                .param("userId", userId)
                .param("at", utc(markedAt))
                .param("version", version)
                .update();
    }

    private void oneAlert(String statement, UUID userId, UUID alertId, Instant at, long version) {
        jdbc.sql(statement)
                .param("userId", userId)
                .param("alertId", alertId)
                .param("at", utc(at))
                .param("version", version)
                .update();
    }
}
