package dev.vigil.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A {@code dashboard.dashboard_summary} row as the tests read it. */
public record SummaryRow(UUID userId, String displayName, String plan, String subscriptionStatus,
        Instant currentPeriodEnd, Instant subscriptionEndsAt, int exposuresActive, int exposuresRemovalRequested,
        int exposuresRemoved, int exposuresRemovalFailed, int openLow, int openMedium, int openHigh,
        int openCritical, int alertsTotal, int alertsUnread, Instant lastAlertAt, Instant lastExposureAt,
        int riskScore, Instant updatedAt) {

    public static Optional<SummaryRow> find(JdbcClient jdbc, UUID userId) {
        return jdbc.sql("""
                        SELECT user_id, display_name, plan, subscription_status, current_period_end, subscription_ends_at,
                               exposures_active, exposures_removal_requested, exposures_removed, exposures_removal_failed,
                               open_exposures_low, open_exposures_medium, open_exposures_high, open_exposures_critical,
                               alerts_total, alerts_unread, last_alert_at, last_exposure_at, risk_score, updated_at
                        FROM dashboard.dashboard_summary WHERE user_id = :userId""")
                .param("userId", userId)
                .query((rs, row) -> new SummaryRow(rs.getObject("user_id", UUID.class), rs.getString("display_name"),
                        rs.getString("plan"), rs.getString("subscription_status"), instant(rs, "current_period_end"),
                        instant(rs, "subscription_ends_at"), rs.getInt("exposures_active"),
                        rs.getInt("exposures_removal_requested"), rs.getInt("exposures_removed"),
                        rs.getInt("exposures_removal_failed"), rs.getInt("open_exposures_low"),
                        rs.getInt("open_exposures_medium"), rs.getInt("open_exposures_high"),
                        rs.getInt("open_exposures_critical"), rs.getInt("alerts_total"), rs.getInt("alerts_unread"),
                        instant(rs, "last_alert_at"), instant(rs, "last_exposure_at"), rs.getInt("risk_score"),
                        instant(rs, "updated_at")))
                .optional();
    }

    public static SummaryRow get(JdbcClient jdbc, UUID userId) {
        return find(jdbc, userId).orElseThrow(() -> new AssertionError("no dashboard_summary row for " + userId));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
