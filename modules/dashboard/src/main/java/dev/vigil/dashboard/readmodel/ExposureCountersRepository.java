package dev.vigil.dashboard.readmodel;

import static dev.vigil.dashboard.readmodel.Timestamps.utc;

import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Moves exposures between states in {@code dashboard.exposure_state} and applies the resulting counter
 * deltas to {@code dashboard.dashboard_summary}, each event in one statement.
 * <p>
 * Every statement first produces {@code moved(old_status, old_severity, new_status, new_severity)}: one row
 * if the event is newer than the last one of its exposure applied ({@code version}, the Exposure aggregate's
 * sequence number), none if it is not (which is what makes a replay a no-op), old columns null for a new
 * exposure. {@link #DELTA} turns those rows into counter deltas, which
 * are added to the user's row. The row is created on demand, and the row a statement would create is
 * spelled out separately: PostgreSQL checks it against the CHECK constraints even when the insert turns
 * into the update. A detection creates it with the detected exposure counted; a state change creates it
 * with zero counts, because an exposure known to {@code exposure_state} always has its user's row already
 * (both are written by the detection's statement, and the reset empties both).
 */
@Repository
class ExposureCountersRepository {

    /** The counter deltas of the rows in {@code moved}: +1 for the state entered, -1 for the state left. */
    private static final String DELTA = """
            , delta AS (
                SELECT count(*) FILTER (WHERE new_status = 'ACTIVE')
                         - count(*) FILTER (WHERE old_status = 'ACTIVE') AS active,
                       count(*) FILTER (WHERE new_status = 'REMOVAL_REQUESTED')
                         - count(*) FILTER (WHERE old_status = 'REMOVAL_REQUESTED') AS removal_requested,
                       count(*) FILTER (WHERE new_status = 'REMOVED')
                         - count(*) FILTER (WHERE old_status = 'REMOVED') AS removed,
                       count(*) FILTER (WHERE new_status = 'REMOVAL_FAILED')
                         - count(*) FILTER (WHERE old_status = 'REMOVAL_FAILED') AS removal_failed,
                       count(*) FILTER (WHERE new_status <> 'REMOVED' AND new_severity = 'LOW')
                         - count(*) FILTER (WHERE old_status <> 'REMOVED' AND old_severity = 'LOW') AS open_low,
                       count(*) FILTER (WHERE new_status <> 'REMOVED' AND new_severity = 'MEDIUM')
                         - count(*) FILTER (WHERE old_status <> 'REMOVED' AND old_severity = 'MEDIUM') AS open_medium,
                       count(*) FILTER (WHERE new_status <> 'REMOVED' AND new_severity = 'HIGH')
                         - count(*) FILTER (WHERE old_status <> 'REMOVED' AND old_severity = 'HIGH') AS open_high,
                       count(*) FILTER (WHERE new_status <> 'REMOVED' AND new_severity = 'CRITICAL')
                         - count(*) FILTER (WHERE old_status <> 'REMOVED' AND old_severity = 'CRITICAL') AS open_critical
                FROM moved
            )
            """;

    /** Adds the deltas to the user's existing row (the statements differ only in the row they would create). */
    private static final String ADD_DELTA_ON_CONFLICT = """

            ON CONFLICT (user_id) DO UPDATE SET
                (exposures_active, exposures_removal_requested, exposures_removed, exposures_removal_failed,
                 open_exposures_low, open_exposures_medium, open_exposures_high, open_exposures_critical) = (
                    SELECT s.exposures_active + d.active, s.exposures_removal_requested + d.removal_requested,
                           s.exposures_removed + d.removed, s.exposures_removal_failed + d.removal_failed,
                           s.open_exposures_low + d.open_low, s.open_exposures_medium + d.open_medium,
                           s.open_exposures_high + d.open_high, s.open_exposures_critical + d.open_critical
                    FROM delta d),
                last_exposure_at = GREATEST(s.last_exposure_at, EXCLUDED.last_exposure_at),
                updated_at = GREATEST(s.updated_at, EXCLUDED.updated_at)""";

    /** A new exposure, ACTIVE: its first event (version 0), so a second delivery finds it present and moves nothing. */
    private static final String DETECTED = """
            /* dashboard.exposure_detected */
            WITH moved AS (
                INSERT INTO dashboard.exposure_state (user_id, exposure_id, status, severity, version)
                VALUES (:userId, :exposureId, 'ACTIVE', :severity, :version)
                ON CONFLICT (user_id, exposure_id) DO NOTHING
                RETURNING CAST(NULL AS VARCHAR) AS old_status, CAST(NULL AS VARCHAR) AS old_severity,
                          status AS new_status, severity AS new_severity
            )""" + DELTA + """
            INSERT INTO dashboard.dashboard_summary AS s
                (user_id, exposures_active, exposures_removal_requested, exposures_removed, exposures_removal_failed,
                 open_exposures_low, open_exposures_medium, open_exposures_high, open_exposures_critical,
                 last_exposure_at, updated_at)
            SELECT :userId, d.active, d.removal_requested, d.removed, d.removal_failed,
                   d.open_low, d.open_medium, d.open_high, d.open_critical, :at, :at
            FROM delta d""" + ADD_DELTA_ON_CONFLICT;

    /**
     * A known exposure takes the event's status (and severity, when the event carries one), if the event is newer
     * than its last one applied. The locked sub-select reads the state before the update, so old and new come out
     * of the same statement (equal when the event keeps the state: a zero delta).
     */
    private static final String MOVED = """
            /* dashboard.exposure_moved */
            WITH old AS (
                SELECT user_id, exposure_id, status, severity
                FROM dashboard.exposure_state
                WHERE user_id = :userId AND exposure_id = :exposureId AND version < :version
                FOR UPDATE
            ), moved AS (
                UPDATE dashboard.exposure_state e
                SET status = :status, severity = coalesce(CAST(:severity AS VARCHAR), old.severity), version = :version
                FROM old
                WHERE e.user_id = old.user_id AND e.exposure_id = old.exposure_id
                RETURNING old.status AS old_status, old.severity AS old_severity,
                          e.status AS new_status, e.severity AS new_severity
            )""" + DELTA + """
            INSERT INTO dashboard.dashboard_summary AS s (user_id, last_exposure_at, updated_at)
            VALUES (:userId, CAST(:exposureAt AS TIMESTAMPTZ), :at)""" + ADD_DELTA_ON_CONFLICT;

    private final JdbcClient jdbc;

    ExposureCountersRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void detected(UUID userId, UUID exposureId, String severity, Instant detectedAt, long version) {
        jdbc.sql(DETECTED)
                .param("userId", userId)
                .param("exposureId", exposureId)
                .param("severity", severity)
                .param("at", utc(detectedAt))
                .param("version", version)
                .update();
    }

    /** A status change that keeps the severity (removal requested, confirmed, failed). */
    void moved(UUID userId, UUID exposureId, String status, Instant at, long version) {
        move(userId, exposureId, status, null, null, at, version);
    }

    /** A removed exposure found again: ACTIVE with the severity it has now; counts as the latest exposure. */
    void reappeared(UUID userId, UUID exposureId, String severity, Instant reappearedAt, long version) {
        move(userId, exposureId, "ACTIVE", severity, reappearedAt, reappearedAt, version);
    }

    private void move(UUID userId, UUID exposureId, String status, String severity, Instant exposureAt, Instant at,
            long version) {
        jdbc.sql(MOVED)
                .param("userId", userId)
                .param("exposureId", exposureId)
                .param("status", status)
                .param("severity", severity)
                .param("exposureAt", utc(exposureAt))
                .param("at", utc(at))
                .param("version", version)
                .update();
    }
}
