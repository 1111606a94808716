package dev.vigil.alerting.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alerting.AlertingTestApplication;
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
 * Each shape of the alert feed's page statements reads its rows in order from a user-scoped index of
 * {@code alert_feed} ({@link FeedPlans}), seeded with enough rows per user, and analyzed, for the planner to prefer
 * an index at all. The proof at production volume is the app's plan suite; this keeps every shape honest.
 */
@SpringBootTest(classes = AlertingTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertPagePlanIntegrationTests {

    private static final int USERS = 20;
    private static final int ALERTS_PER_USER = 4_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ObjectMapper json;

    @Autowired
    Feed<AlertView> alerts;

    private final UUID marker = TimeOrderedIds.next();
    private UUID userId;

    @BeforeAll
    void seed() {
        // statuses 10% unread, 60% read, 30% dismissed; severities and categories spread evenly
        jdbc.sql("""
                        INSERT INTO alerting.alert_feed (alert_id, user_id, category, severity, status, title,
                            created_at, updated_at)
                        SELECT gen_random_uuid(), u.id,
                               (ARRAY['NEW_EXPOSURE', 'EXPOSURE_REAPPEARED', 'PAYMENT_FAILED',
                                      'SUBSCRIPTION_EXPIRING'])[1 + i % 4],
                               (ARRAY['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'])[1 + (i / 4) % 4],
                               CASE WHEN i % 10 = 0 THEN 'UNREAD' WHEN i % 10 < 7 THEN 'READ' ELSE 'DISMISSED' END,
                               :marker,
                               timestamptz '2026-01-01' + i * interval '1 minute',
                               timestamptz '2026-01-01' + i * interval '1 minute'
                        FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, :users)) u,
                             generate_series(1, :alerts) i""")
                .param("marker", marker.toString()).param("users", USERS).param("alerts", ALERTS_PER_USER)
                .update();
        jdbc.sql("ANALYZE alerting.alert_feed").update();
        userId = jdbc.sql("SELECT user_id FROM alerting.alert_feed WHERE title = :marker LIMIT 1")
                .param("marker", marker.toString()).query(UUID.class).single();
    }

    @AfterAll
    void removeSeed() {
        jdbc.sql("DELETE FROM alerting.alert_feed WHERE title = :marker").param("marker", marker.toString()).update();
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
        return new FeedPlans(alerts, jdbc, transactions, json);
    }
}
