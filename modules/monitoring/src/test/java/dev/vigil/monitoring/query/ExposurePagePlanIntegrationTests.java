package dev.vigil.monitoring.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.monitoring.MonitoringTestApplication;
import dev.vigil.platform.feed.Feed;
import dev.vigil.platform.feed.FeedPlans;
import dev.vigil.platform.id.TimeOrderedIds;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each shape of the exposure feed's page statements reads its rows in order from a user-scoped index of
 * {@code exposure_feed} ({@link FeedPlans}), seeded with enough rows per user, and analyzed, for the planner to
 * prefer an index at all. The proof at production volume is the app's plan suite; this keeps every shape honest.
 */
@SpringBootTest(classes = MonitoringTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExposurePagePlanIntegrationTests {

    private static final int USERS = 20;
    private static final int EXPOSURES_PER_USER = 4_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ObjectMapper json;

    @Autowired
    Feed<ExposureView> exposures;

    private final String marker = "plan-" + TimeOrderedIds.next();
    private UUID userId;

    @BeforeAll
    void seed() {
        // statuses half active, a tenth each requested and failed, the rest removed; kinds and severities spread;
        // a bulk fixture, so without the service's statement timeout
        transactions.executeWithoutResult(status -> seedRows());
        jdbc.sql("ANALYZE monitoring.exposure_feed").update();
        userId = jdbc.sql("SELECT user_id FROM monitoring.exposure_feed WHERE source_name = :marker LIMIT 1")
                .param("marker", marker).query(UUID.class).single();
    }

    private void seedRows() {
        jdbc.sql("SET LOCAL statement_timeout = 0").update();
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
    }

    @AfterAll
    void removeSeed() {
        jdbc.sql("DELETE FROM monitoring.exposure_feed WHERE source_name = :marker").param("marker", marker).update();
    }

    @TestFactory
    Stream<DynamicTest> keysetPagesReadAnIndexInOrder() {
        return plans().everyShape().stream().map(selection -> DynamicTest.dynamicTest(selection.toString(),
                () -> plans().assertKeysetPagesReadAnIndexInOrder(userId, selection)));
    }

    @TestFactory
    Stream<DynamicTest> offsetPagesReadAnIndexInOrder() {
        return plans().everyShape().stream().map(selection -> DynamicTest.dynamicTest(selection.toString(),
                () -> plans().assertOffsetPagesReadAnIndexInOrder(userId, selection)));
    }

    private FeedPlans plans() {
        return new FeedPlans(exposures, jdbc, transactions, json);
    }
}
