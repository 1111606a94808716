package dev.vigil.alerting.readmodel;

import dev.vigil.alerting.api.AlertRaised;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every statement alerting's projection sends to {@code alerting.alert_feed}. Each applies one event and only if
 * it is newer than the last one applied: an alert's events are guarded by the row's version (the Alert
 * aggregate's sequence number), "mark all read" by the user's {@code alert_inbox_version} (the AlertInbox
 * aggregate's). The status conditions say which rows an event moves; on rows written before versions were
 * recorded (version -1) they are also what keeps a replay from changing them.
 */
@Repository
class AlertFeedRepository {

    /** The alert's first event (version 0): a row that exists has already applied it. */
    private static final String INSERT = """
            /* alerting.alert_feed_insert */
            INSERT INTO alerting.alert_feed
                (alert_id, user_id, category, severity, status, title, exposure_id, source_name,
                 created_at, read_at, dismissed_at, updated_at, version)
            VALUES (:alertId, :userId, :category, :severity, 'UNREAD', :title, :exposureId, :sourceName,
                    :createdAt, NULL, NULL, :createdAt, :version)
            ON CONFLICT (alert_id) DO NOTHING""";

    private static final String MARK_READ = """
            /* alerting.alert_feed_mark_read */
            UPDATE alerting.alert_feed
            SET status = 'READ', read_at = :readAt, updated_at = :readAt, version = :version
            WHERE alert_id = :alertId AND version < :version AND status = 'UNREAD'""";

    /** A dismissed alert keeps read_at if it was read first. */
    private static final String DISMISS = """
            /* alerting.alert_feed_dismiss */
            UPDATE alerting.alert_feed
            SET status = 'DISMISSED', dismissed_at = :dismissedAt, updated_at = :dismissedAt, version = :version
            WHERE alert_id = :alertId AND version < :version AND status <> 'DISMISSED'""";

    /**
     * One statement however many alerts: records the inbox's version, and only if that is new marks the user's
     * unread rows, found through alert_feed_user_unread_page_idx (package-private for the plan test). Leaves the
     * alerts' own versions alone: they count the Alert aggregate's events.
     */
    static final String MARK_ALL_READ = """
            /* alerting.alert_feed_mark_all_read */
            WITH inbox AS (
                INSERT INTO alerting.alert_inbox_version AS i (user_id, version)
                VALUES (:userId, :version)
                ON CONFLICT (user_id) DO UPDATE SET version = EXCLUDED.version
                WHERE i.version < EXCLUDED.version
                RETURNING user_id
            )
            UPDATE alerting.alert_feed
            SET status = 'READ', read_at = :markedAt, updated_at = :markedAt
            WHERE user_id = :userId AND status = 'UNREAD' AND EXISTS (SELECT 1 FROM inbox)""";

    private static final String TRUNCATE = """
            /* alerting.alert_feed_truncate */
            TRUNCATE alerting.alert_feed, alerting.alert_inbox_version""";

    private final JdbcClient jdbc;

    AlertFeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AlertRaised event, long version) {
        jdbc.sql(INSERT)
                .param("alertId", event.alertId())
                .param("userId", event.userId())
                .param("category", event.category().name())
                .param("severity", event.severity().name())
                .param("title", event.title())
                // typed, so a null binds without asking the server for the parameter's type
                .param("exposureId", event.exposureId(), Types.OTHER)
                .param("sourceName", event.sourceName(), Types.VARCHAR)
                .param("createdAt", utc(event.raisedAt()))
                .param("version", version)
                .update();
    }

    void markRead(UUID alertId, Instant readAt, long version) {
        jdbc.sql(MARK_READ).param("alertId", alertId).param("readAt", utc(readAt)).param("version", version).update();
    }

    void dismiss(UUID alertId, Instant dismissedAt, long version) {
        jdbc.sql(DISMISS).param("alertId", alertId).param("dismissedAt", utc(dismissedAt)).param("version", version)
                .update();
    }

    void markAllRead(UUID userId, Instant markedAt, long version) {
        jdbc.sql(MARK_ALL_READ).param("userId", userId).param("markedAt", utc(markedAt)).param("version", version)
                .update();
    }

    void deleteAll() {
        jdbc.sql(TRUNCATE).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
