package dev.vigil.alerting.query;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.AlertStatus;
import dev.vigil.platform.jdbc.SqlTimes;
import dev.vigil.platform.paging.KeysetPosition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The statements that read {@code alerting.alert_feed} for the API: the page statements of
 * {@link AlertPageStatement}, one per filter shape, and the single alert by id. Every statement is scoped by the
 * caller's user id.
 */
@Repository
class AlertFeedReads {

    /** The primary key finds the row; {@code user_id} makes another user's alert as absent as a missing one. */
    private static final String BY_ID = """
            /* alerting.alert_by_id */
            SELECT alert_id, category, severity, status, title, exposure_id, source_name, created_at, read_at,
                   dismissed_at
            FROM alerting.alert_feed
            WHERE alert_id = :alertId AND user_id = :userId""";

    private final JdbcClient jdbc;

    AlertFeedReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code fetchSize} of the user's alerts matching {@code filter} that sort after {@code bound}, in feed
     * order.
     */
    List<AlertView> pageAfter(UUID userId, AlertFilter filter, KeysetPosition bound, int fetchSize) {
        AlertPageStatement statement = AlertPageStatement.forFilter(filter);
        return bind(jdbc.sql(statement.keysetSql()), userId, filter, bound)
                .param("fetchSize", fetchSize)
                .param("branchSize", fetchSize)
                .query(AlertFeedReads::view)
                .list();
    }

    /** The same, skipping the first {@code offset} of those alerts. */
    List<AlertView> pageAtOffset(UUID userId, AlertFilter filter, KeysetPosition bound, int offset, int fetchSize) {
        AlertPageStatement statement = AlertPageStatement.forFilter(filter);
        return bind(jdbc.sql(statement.offsetSql()), userId, filter, bound)
                .param("fetchSize", fetchSize)
                .param("offset", offset)
                // each severity's range may have to supply every row up to the end of the page
                .param("branchSize", offset + fetchSize)
                .query(AlertFeedReads::view)
                .list();
    }

    Optional<AlertView> find(UUID userId, UUID alertId) {
        return jdbc.sql(BY_ID).param("alertId", alertId).param("userId", userId)
                .query(AlertFeedReads::view)
                .optional();
    }

    /**
     * Binds every filter; a statement ignores the parameters its text does not name, so each value has one
     * binding whichever shape runs.
     */
    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, UUID userId, AlertFilter filter,
            KeysetPosition bound) {
        return statement
                .param("userId", userId)
                .param("status", filter.status() == null ? null : filter.status().name(), Types.VARCHAR)
                .param("category", filter.category() == null ? null : filter.category().name(), Types.VARCHAR)
                .param("severities", filter.severities().stream().map(Enum::name).toArray(String[]::new))
                .param("from", SqlTimes.utc(filter.createdFrom()))
                .param("beforeCreatedAt", bound.createdAtUtc())
                .param("beforeAlertId", bound.id());
    }

    private static AlertView view(ResultSet rs, int rowNum) throws SQLException {
        return new AlertView(
                rs.getObject("alert_id", UUID.class),
                AlertCategory.valueOf(rs.getString("category")),
                AlertSeverity.valueOf(rs.getString("severity")),
                AlertStatus.valueOf(rs.getString("status")),
                rs.getString("title"),
                rs.getObject("exposure_id", UUID.class),
                rs.getString("source_name"),
                instant(rs, "created_at"),
                instant(rs, "read_at"),
                instant(rs, "dismissed_at"));
    }

    @Nullable
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return SqlTimes.instant(rs.getTimestamp(column));
    }
}
