package dev.vigil.monitoring.readmodel;

import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every statement monitoring's projection sends to {@code monitoring.exposure_feed}. Each change is one
 * statement, guarded by the exposure's event sequence number: an event applied again (a replay, a retried
 * batch) matches no row and changes nothing.
 */
@Repository
class ExposureFeedRepository {

    /** The exposure's first event (version 0): a row that exists has already applied it. */
    private static final String INSERT = """
            /* monitoring.exposure_feed_insert */
            INSERT INTO monitoring.exposure_feed
                (exposure_id, user_id, source_name, source_kind, data_types, severity, status, found_at,
                 created_at, updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason,
                 version)
            VALUES (:exposureId, :userId, :sourceName, :sourceKind, :dataTypes, :severity, 'ACTIVE', :foundAt,
                 :detectedAt, :detectedAt, NULL, NULL, 0, NULL, :version)
            ON CONFLICT (exposure_id) DO NOTHING""";

    private static final String REMOVAL_REQUESTED = """
            /* monitoring.exposure_feed_removal_requested */
            UPDATE monitoring.exposure_feed
            SET status = 'REMOVAL_REQUESTED', removal_requested_at = :at, updated_at = :at, version = :version
            WHERE exposure_id = :exposureId AND version < :version""";

    private static final String REMOVAL_CONFIRMED = """
            /* monitoring.exposure_feed_removal_confirmed */
            UPDATE monitoring.exposure_feed
            SET status = 'REMOVED', removed_at = :at, updated_at = :at, version = :version
            WHERE exposure_id = :exposureId AND version < :version""";

    private static final String REMOVAL_FAILED = """
            /* monitoring.exposure_feed_removal_failed */
            UPDATE monitoring.exposure_feed
            SET status = 'REMOVAL_FAILED', last_failure_reason = :reason, updated_at = :at, version = :version
            WHERE exposure_id = :exposureId AND version < :version""";

    /** A reappearance starts a new removal cycle: the previous one's times and failure are cleared. */
    private static final String REAPPEARED = """
            /* monitoring.exposure_feed_reappeared */
            UPDATE monitoring.exposure_feed
            SET status = 'ACTIVE', severity = :severity, found_at = :foundAt, removal_requested_at = NULL,
                removed_at = NULL, last_failure_reason = NULL, reappeared_count = reappeared_count + 1,
                updated_at = :at, version = :version
            WHERE exposure_id = :exposureId AND version < :version""";

    private static final String TRUNCATE = """
            /* monitoring.exposure_feed_truncate */
            TRUNCATE monitoring.exposure_feed""";

    private final JdbcClient jdbc;

    ExposureFeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID exposureId, UUID userId, String sourceName, SourceKind sourceKind, List<DataType> dataTypes,
            Severity severity, Instant foundAt, Instant detectedAt, long version) {
        jdbc.sql(INSERT)
                .param("exposureId", exposureId)
                .param("userId", userId)
                .param("sourceName", sourceName)
                .param("sourceKind", sourceKind.name())
                .param("dataTypes", dataTypes.stream().map(DataType::name).toArray(String[]::new))
                .param("severity", severity.name())
                .param("foundAt", utc(foundAt))
                .param("detectedAt", utc(detectedAt))
                .param("version", version)
                .update();
    }

    void removalRequested(UUID exposureId, Instant at, long version) {
        jdbc.sql(REMOVAL_REQUESTED).param("exposureId", exposureId).param("at", utc(at))
                .param("version", version).update();
    }

    void removalConfirmed(UUID exposureId, Instant at, long version) {
        jdbc.sql(REMOVAL_CONFIRMED).param("exposureId", exposureId).param("at", utc(at))
                .param("version", version).update();
    }

    void removalFailed(UUID exposureId, String reason, Instant at, long version) {
        jdbc.sql(REMOVAL_FAILED)
                .param("exposureId", exposureId)
                .param("reason", reason)
                .param("at", utc(at))
                .param("version", version)
                .update();
    }

    void reappeared(UUID exposureId, Severity severity, Instant foundAt, Instant at, long version) {
        jdbc.sql(REAPPEARED)
                .param("exposureId", exposureId)
                .param("severity", severity.name())
                .param("foundAt", utc(foundAt))
                .param("at", utc(at))
                .param("version", version)
                .update();
    }

    void deleteAll() {
        jdbc.sql(TRUNCATE).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
