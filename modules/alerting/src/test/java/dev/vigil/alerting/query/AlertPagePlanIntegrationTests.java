package dev.vigil.alerting.query;

import dev.vigil.alerting.AlertingTestApplication;
import dev.vigil.platform.feed.Feed;
import dev.vigil.platform.feed.FeedPlanTestSupport;
import dev.vigil.platform.id.TimeOrderedIds;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Each shape of the alert feed's page statements reads its rows in order from a user-scoped index of
 * {@code alert_feed}, on 80,000 alerts of 20 users. The proof at production volume is the app's plan suite; this
 * keeps every shape honest.
 */
@SpringBootTest(classes = AlertingTestApplication.class)
class AlertPagePlanIntegrationTests extends FeedPlanTestSupport {

    private static final int USERS = 20;
    private static final int ALERTS_PER_USER = 4_000;

    @Autowired
    Feed<AlertView> alerts;

    private final String marker = "plan-" + TimeOrderedIds.next();

    @Override
    protected Feed<?> feed() {
        return alerts;
    }

    @Override
    protected UUID seed() {
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
                .param("marker", marker).param("users", USERS).param("alerts", ALERTS_PER_USER)
                .update();
        return jdbc.sql("SELECT user_id FROM alerting.alert_feed WHERE title = :marker LIMIT 1")
                .param("marker", marker).query(UUID.class).single();
    }

    @Override
    protected void removeSeed() {
        jdbc.sql("DELETE FROM alerting.alert_feed WHERE title = :marker").param("marker", marker).update();
    }
}
