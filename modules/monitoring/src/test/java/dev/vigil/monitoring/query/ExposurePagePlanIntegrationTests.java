package dev.vigil.monitoring.query;

import dev.vigil.monitoring.MonitoringTestApplication;
import dev.vigil.platform.feed.Feed;
import dev.vigil.platform.feed.FeedPlanTestSupport;
import dev.vigil.platform.id.TimeOrderedIds;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Each shape of the exposure feed's page statements reads its rows in order from a user-scoped index of
 * {@code exposure_feed}, on 80,000 exposures of 20 users. The proof at production volume is the app's plan suite;
 * this keeps every shape honest.
 */
@SpringBootTest(classes = MonitoringTestApplication.class)
class ExposurePagePlanIntegrationTests extends FeedPlanTestSupport {

    private static final int USERS = 20;
    private static final int EXPOSURES_PER_USER = 4_000;

    @Autowired
    Feed<ExposureView> exposures;

    private final String marker = "plan-" + TimeOrderedIds.next();

    @Override
    protected Feed<?> feed() {
        return exposures;
    }

    @Override
    protected UUID seed() {
        // statuses half active, a tenth each requested and failed, the rest removed; kinds and severities spread
        jdbc.sql("""
                        INSERT INTO monitoring.exposure_feed (exposure_id, user_id, source_name, source_kind,
                            data_types, severity, status, found_at, created_at, updated_at, reappeared_count, version)
                        SELECT gen_random_uuid(), u.id, :marker,
                               (ARRAY['DATA_BROKER', 'BREACH', 'PASTE', 'PEOPLE_SEARCH'])[1 + i % 4],
                               ARRAY['EMAIL'],
                               (ARRAY['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'])[1 + (i / 4) % 4],
                               CASE WHEN i % 10 < 5 THEN 'ACTIVE' WHEN i % 10 = 5 THEN 'REMOVAL_REQUESTED'
                                    WHEN i % 10 = 6 THEN 'REMOVAL_FAILED' ELSE 'REMOVED' END,
                               timestamptz '2026-01-01' + i * interval '1 minute',
                               timestamptz '2026-01-01' + i * interval '1 minute',
                               timestamptz '2026-01-01' + i * interval '1 minute', 0, 1
                        FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, :users)) u,
                             generate_series(1, :exposures) i""")
                .param("marker", marker).param("users", USERS).param("exposures", EXPOSURES_PER_USER)
                .update();
        return jdbc.sql("SELECT user_id FROM monitoring.exposure_feed WHERE source_name = :marker LIMIT 1")
                .param("marker", marker).query(UUID.class).single();
    }

    @Override
    protected void removeSeed() {
        jdbc.sql("DELETE FROM monitoring.exposure_feed WHERE source_name = :marker").param("marker", marker).update();
    }
}
