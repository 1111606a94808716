package dev.vigil.monitoring.query;

import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.platform.feed.Feed;
import dev.vigil.platform.feed.FeedFilter;
import dev.vigil.platform.feed.Feeds;
import dev.vigil.platform.jdbc.SqlTimes;
import dev.vigil.platform.paging.KeysetPosition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A user's exposures, newest first: {@code monitoring.exposure_feed} read through the indexes of
 * {@code V202611270311__monitoring_exposure_feed.sql}: one per status tab, severity chip, source kind and status
 * with severity; a pair without an index of its own reads one of its filters' and checks the other on each row.
 * First pages are cached in the user's {@link MonitoringCaches#EXPOSURE_PAGES} space, single exposures in
 * {@link MonitoringCaches#EXPOSURES}.
 */
@Configuration(proxyBeanMethods = false)
public class ExposureFeed {

    public static final FeedFilter<ExposureStatus> STATUS = FeedFilter.oneOf("status", ExposureStatus.class);
    public static final FeedFilter<Severity> SEVERITY = FeedFilter.anyOf("severity", Severity.class);
    public static final FeedFilter<SourceKind> SOURCE_KIND = FeedFilter.oneOf("sourceKind", SourceKind.class);

    private static final String COLUMNS = """
            exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
            updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason""";

    @Bean
    Feed<ExposureView> exposures(Feeds feeds) {
        return feeds.declare(ExposureView.class, "monitoring.exposures")
                .table("monitoring.exposure_feed", "exposure_id", COLUMNS)
                .statements("monitoring.exposure_page", "monitoring.exposure_by_id")
                .filters(STATUS, SEVERITY, SOURCE_KIND)
                .rows(ExposureFeed::view, exposure -> new KeysetPosition(exposure.createdAt(), exposure.exposureId()))
                .cachedIn(MonitoringCaches.EXPOSURE_PAGES, MonitoringCaches.EXPOSURES)
                .build();
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
}
