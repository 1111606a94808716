package dev.vigil.monitoring.query;

import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.platform.jdbc.SqlTimes;
import dev.vigil.platform.paging.KeysetPosition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code monitoring.exposure_feed}: one statement per call, always scoped by the caller's user id. The page
 * statements are in {@link ExposurePageShape}, one pair per filter shape; filter values are only ever bound.
 */
@Repository
class ExposureReads {

    /** The primary key finds the row; the user id makes another user's exposure indistinguishable from none. */
    private static final String BY_ID = """
            /* monitoring.exposure_by_id */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM monitoring.exposure_feed
            WHERE exposure_id = :exposureId AND user_id = :userId""";

    /** An absent {@code from}: before every row. */
    private static final Instant OPEN_FROM = ExposureFilters.EARLIEST;
    /** An absent {@code to}: after every row, where the first page's keyset position also lies. */
    private static final Instant OPEN_TO = KeysetPosition.START.createdAt();

    private final JdbcClient jdbc;

    ExposureReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ExposureView> find(UUID userId, UUID exposureId) {
        return jdbc.sql(BY_ID).param("exposureId", exposureId).param("userId", userId)
                .query(ExposureReads::view).optional();
    }

    /** Up to {@code fetchSize} rows after {@code after}, newest first. */
    List<ExposureView> pageAfter(UUID userId, ExposureFilters filters, KeysetPosition after, int fetchSize) {
        ExposurePageShape shape = ExposurePageShape.of(filters);
        return bindFilters(jdbc.sql(shape.keysetSql()), userId, filters)
                .param("afterCreatedAt", after.createdAtUtc())
                .param("afterId", after.id())
                .param("fetchSize", fetchSize)
                .query(ExposureReads::view).list();
    }

    /** Up to {@code fetchSize} rows after skipping {@code offset}, newest first. */
    List<ExposureView> pageAtOffset(UUID userId, ExposureFilters filters, int offset, int fetchSize) {
        ExposurePageShape shape = ExposurePageShape.of(filters);
        return bindFilters(jdbc.sql(shape.offsetSql()), userId, filters)
                .param("offset", offset)
                .param("fetchSize", fetchSize)
                .param("branchLimit", offset + fetchSize)
                .query(ExposureReads::view).list();
    }

    /** Every filter parameter, whether or not the shape's statement uses it: the SQL text alone decides. */
    private static StatementSpec bindFilters(StatementSpec statement, UUID userId, ExposureFilters filters) {
        String[] severities = filters.severities().stream().map(Severity::name).toArray(String[]::new);
        return statement
                .param("userId", userId)
                .param("status", nameOf(filters.status()))
                .param("severity", severities.length == 1 ? severities[0] : null)
                .param("severities", severities)
                .param("sourceKind", nameOf(filters.sourceKind()))
                .param("from", SqlTimes.utc(filters.from() != null ? filters.from() : OPEN_FROM))
                .param("to", SqlTimes.utc(filters.to() != null ? filters.to() : OPEN_TO));
    }

    private static ExposureView view(ResultSet rs, int row) throws SQLException {
        String[] dataTypes = (String[]) rs.getArray("data_types").getArray();
        return new ExposureView(
                rs.getObject("exposure_id", UUID.class),
                rs.getString("source_name"),
                SourceKind.valueOf(rs.getString("source_kind")),
                Arrays.stream(dataTypes).map(DataType::valueOf).toList(),
                Severity.valueOf(rs.getString("severity")),
                ExposureStatus.valueOf(rs.getString("status")),
                SqlTimes.instant(rs.getTimestamp("found_at")),
                SqlTimes.instant(rs.getTimestamp("created_at")),
                SqlTimes.instant(rs.getTimestamp("updated_at")),
                SqlTimes.instant(rs.getTimestamp("removal_requested_at")),
                SqlTimes.instant(rs.getTimestamp("removed_at")),
                rs.getInt("reappeared_count"),
                rs.getString("last_failure_reason"));
    }

    @Nullable
    private static String nameOf(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }
}
