package dev.vigil.platform.paging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A feed table of the probe's own, read the way module repositories read theirs (the controller talks no SQL). */
@Component
class PagingProbeRows {

    record ProbeRow(UUID id, String kind, Instant createdAt) {

        KeysetPosition position() {
            return new KeysetPosition(createdAt, id);
        }
    }

    private static final String CREATE = """
            /* platform.paging_probe_create */
            CREATE TABLE IF NOT EXISTS paging_probe_row (
                id         UUID        PRIMARY KEY,
                user_id    UUID        NOT NULL,
                kind       TEXT        NOT NULL,
                created_at TIMESTAMPTZ NOT NULL
            );
            CREATE INDEX IF NOT EXISTS paging_probe_row_user_page_idx
                ON paging_probe_row (user_id, created_at DESC, id DESC)""";

    private static final String INSERT = """
            /* platform.paging_probe_insert */
            INSERT INTO paging_probe_row (id, user_id, kind, created_at) VALUES (:id, :userId, :kind, :createdAt)""";

    /** An empty kinds array means every kind. */
    private static final String PAGE_AFTER = """
            /* platform.paging_probe_page */
            SELECT id, kind, created_at
            FROM paging_probe_row
            WHERE user_id = :userId AND (cardinality(CAST(:kinds AS text[])) = 0 OR kind = ANY(CAST(:kinds AS text[])))
              AND (created_at, id) < (:createdAt, :id)
            ORDER BY created_at DESC, id DESC
            LIMIT :fetchSize""";

    private static final String PAGE_AT_OFFSET = """
            /* platform.paging_probe_page_at_offset */
            SELECT id, kind, created_at
            FROM paging_probe_row
            WHERE user_id = :userId AND (cardinality(CAST(:kinds AS text[])) = 0 OR kind = ANY(CAST(:kinds AS text[])))
            ORDER BY created_at DESC, id DESC
            LIMIT :fetchSize OFFSET :offset""";

    private final JdbcClient jdbc;

    PagingProbeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
        jdbc.sql(CREATE).update();
    }

    void insert(UUID userId, UUID id, String kind, Instant createdAt) {
        jdbc.sql(INSERT).param("id", id).param("userId", userId).param("kind", kind)
                .param("createdAt", createdAt.atOffset(ZoneOffset.UTC)).update();
    }

    List<ProbeRow> pageAfter(UUID userId, Set<String> kinds, KeysetPosition after, int fetchSize) {
        return jdbc.sql(PAGE_AFTER)
                .param("userId", userId)
                .param("kinds", kinds.toArray(String[]::new))
                .param("createdAt", after.createdAtUtc())
                .param("id", after.id())
                .param("fetchSize", fetchSize)
                .query(PagingProbeRows::row).list();
    }

    List<ProbeRow> pageAtOffset(UUID userId, Set<String> kinds, int offset, int fetchSize) {
        return jdbc.sql(PAGE_AT_OFFSET)
                .param("userId", userId)
                .param("kinds", kinds.toArray(String[]::new))
                .param("offset", offset)
                .param("fetchSize", fetchSize)
                .query(PagingProbeRows::row).list();
    }

    private static ProbeRow row(ResultSet rs, int rowNum) throws SQLException {
        return new ProbeRow(rs.getObject("id", UUID.class), rs.getString("kind"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
