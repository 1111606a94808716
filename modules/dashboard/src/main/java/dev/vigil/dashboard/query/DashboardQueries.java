package dev.vigil.dashboard.query;

import static dev.vigil.platform.jdbc.SqlTimes.instant;

import dev.vigil.platform.response.CachedResponses;
import dev.vigil.platform.response.JsonResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import dev.vigil.platform.jdbc.ReplicaReads;
import org.springframework.stereotype.Component;

/** Reads of {@code dashboard.dashboard_summary}, by primary key only. */
@Component
public class DashboardQueries {

    private static final String BY_USER = """
            /* dashboard.summary_by_user */
            SELECT user_id, display_name, plan, subscription_status, current_period_end, subscription_ends_at,
                   exposures_active, exposures_removal_requested, exposures_removed, exposures_removal_failed,
                   open_exposures_low, open_exposures_medium, open_exposures_high, open_exposures_critical,
                   last_exposure_at, alerts_total, alerts_unread, last_alert_at, risk_score, updated_at
            FROM dashboard.dashboard_summary
            WHERE user_id = :userId""";

    private final ReplicaReads reads;
    private final CachedResponses responses;

    DashboardQueries(ReplicaReads reads, CachedResponses responses) {
        this.reads = reads;
        this.responses = responses;
    }

    /** The caller's summary as a response; a cache hit runs no SQL, a miss one statement. */
    public Optional<JsonResponse<DashboardView>> find(UUID userId) {
        return responses.find(DashboardCaches.SUMMARY, userId, "summary",
                () -> reads.forUser(userId,
                        jdbc -> jdbc.sql(BY_USER).param("userId", userId).query(DashboardQueries::view).optional()));
    }

    private static DashboardView view(ResultSet rs, int row) throws SQLException {
        return new DashboardView(rs.getObject("user_id", UUID.class), rs.getString("display_name"),
                new DashboardView.Subscription(rs.getString("plan"), rs.getString("subscription_status"),
                        instant(rs.getTimestamp("current_period_end")), instant(rs.getTimestamp("subscription_ends_at"))),
                new DashboardView.Exposures(rs.getInt("exposures_active"), rs.getInt("exposures_removal_requested"),
                        rs.getInt("exposures_removed"), rs.getInt("exposures_removal_failed"),
                        rs.getInt("open_exposures_low"), rs.getInt("open_exposures_medium"),
                        rs.getInt("open_exposures_high"), rs.getInt("open_exposures_critical"),
                        instant(rs.getTimestamp("last_exposure_at"))),
                new DashboardView.Alerts(rs.getInt("alerts_total"), rs.getInt("alerts_unread"),
                        instant(rs.getTimestamp("last_alert_at"))),
                rs.getInt("risk_score"), instant(rs.getTimestamp("updated_at")));
    }
}
