package dev.vigil.alerting.query;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.AlertStatus;
import dev.vigil.platform.feed.Feed;
import dev.vigil.platform.feed.FeedFilter;
import dev.vigil.platform.feed.Feeds;
import dev.vigil.platform.jdbc.SqlTimes;
import dev.vigil.platform.paging.KeysetPosition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A user's alerts, newest first: {@code alerting.alert_feed} read through the indexes of
 * {@code V202611270321__alerting_alert_feed.sql}. Unread alerts, the bell's and the first screen's, have a partial
 * index of their own; read and dismissed ones another, built {@code WHERE status <> 'UNREAD'}; severity and
 * category one each, with the other filters as trailing columns. First pages and single alerts are cached in the
 * user's {@link AlertingCaches#ALERTS} space.
 */
@Configuration(proxyBeanMethods = false)
public class AlertFeed {

    public static final FeedFilter<AlertStatus> STATUS =
            FeedFilter.oneOf("status", AlertStatus.class).withOwnIndexFor(AlertStatus.UNREAD);
    public static final FeedFilter<AlertSeverity> SEVERITY = FeedFilter.anyOf("severity", AlertSeverity.class);
    public static final FeedFilter<AlertCategory> CATEGORY = FeedFilter.oneOf("category", AlertCategory.class);

    private static final String COLUMNS = """
            alert_id, category, severity, status, title, exposure_id, source_name, created_at, read_at,
            dismissed_at""";

    @Bean
    Feed<AlertView> alerts(Feeds feeds) {
        return feeds.declare(AlertView.class, "alerting.alerts")
                .table("alerting.alert_feed", "alert_id", COLUMNS)
                .statements("alerting.alert_page", "alerting.alert_by_id")
                .filters(STATUS, SEVERITY, CATEGORY)
                .rows(AlertFeed::view, alert -> new KeysetPosition(alert.createdAt(), alert.alertId()))
                .cachedIn(AlertingCaches.ALERTS, AlertingCaches.ALERTS)
                .build();
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
                SqlTimes.instant(rs.getTimestamp("created_at")),
                SqlTimes.instant(rs.getTimestamp("read_at")),
                SqlTimes.instant(rs.getTimestamp("dismissed_at")));
    }
}
