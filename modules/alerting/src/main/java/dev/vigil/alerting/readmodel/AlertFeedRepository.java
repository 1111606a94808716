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
 * Every statement alerting's projection sends to {@code alerting.alert_feed}. Each is idempotent: it only
 * changes a row that is not yet in the state the event describes.
 */
@Repository
class AlertFeedRepository {

    /** A replayed AlertRaised finds its row and leaves it (and whatever later events did to it) alone. */
    private static final String INSERT = """
            /* alerting.alert_feed_insert */
            INSERT INTO alerting.alert_feed
                (alert_id, user_id, category, severity, status, title, exposure_id, source_name,
                 created_at, read_at, dismissed_at, updated_at)
            VALUES (:alertId, :userId, :category, :severity, 'UNREAD', :title, :exposureId, :sourceName,
                    :createdAt, NULL, NULL, :createdAt)
            ON CONFLICT (alert_id) DO NOTHING""";

    private static final String MARK_READ = """
            /* alerting.alert_feed_mark_read */
            UPDATE alerting.alert_feed
            SET status = 'READ', read_at = :readAt, updated_at = :readAt
            WHERE alert_id = :alertId AND status = 'UNREAD'""";

    /** A dismissed alert keeps read_at if it was read first. */
    private static final String DISMISS = """
            /* alerting.alert_feed_dismiss */
            UPDATE alerting.alert_feed
            SET status = 'DISMISSED', dismissed_at = :dismissedAt, updated_at = :dismissedAt
            WHERE alert_id = :alertId AND status <> 'DISMISSED'""";

    /**
     * One statement however many alerts; finds the user's unread rows through alert_feed_user_unread_page_idx
     * (package-private for the plan test).
     */
    static final String MARK_ALL_READ = """
            /* alerting.alert_feed_mark_all_read */
            UPDATE alerting.alert_feed
            SET status = 'READ', read_at = :markedAt, updated_at = :markedAt
            WHERE user_id = :userId AND status = 'UNREAD'""";

    private static final String TRUNCATE = """
            /* alerting.alert_feed_truncate */
            TRUNCATE alerting.alert_feed""";

    private final JdbcClient jdbc;

    AlertFeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AlertRaised event) {
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
                .update();
    }

    void markRead(UUID alertId, Instant readAt) {
        jdbc.sql(MARK_READ).param("alertId", alertId).param("readAt", utc(readAt)).update();
    }

    void dismiss(UUID alertId, Instant dismissedAt) {
        jdbc.sql(DISMISS).param("alertId", alertId).param("dismissedAt", utc(dismissedAt)).update();
    }

    /** Returns how many alerts it marked read. */
    int markAllRead(UUID userId, Instant markedAt) {
        return jdbc.sql(MARK_ALL_READ).param("userId", userId).param("markedAt", utc(markedAt)).update();
    }

    void deleteAll() {
        jdbc.sql(TRUNCATE).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
