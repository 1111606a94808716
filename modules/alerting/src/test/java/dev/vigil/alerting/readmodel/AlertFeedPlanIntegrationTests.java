package dev.vigil.alerting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.vigil.alerting.AlertingTestApplication;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.testing.BulkFixtures;
import dev.vigil.platform.testing.ExpectedLogs;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Mark all read" is one UPDATE that reaches the user's unread rows through the partial unread index, with
 * the one-off (custom) plan and with the generic plan a prepared statement may switch to. Seeded with enough
 * rows, and analyzed, for the planner to prefer an index at all.
 */
@SpringBootTest(classes = AlertingTestApplication.class)
class AlertFeedPlanIntegrationTests {

    private static final String UNREAD_INDEX = "alert_feed_user_unread_page_idx";
    private static final int USERS = 200;
    private static final int ALERTS_PER_USER = 200;

    /** The service's slow-statement report of the bulk fill, which is slow by nature. */
    @RegisterExtension
    final ExpectedLogs slowFill = ExpectedLogs.from("vigil.sql.slow");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private final UUID marker = TimeOrderedIds.next();
    private UUID userId;

    @BeforeEach
    void seed() {
        slowFill.allow(Level.WARN, "name=unnamed").allow(Level.ERROR, "name=unnamed");
        // 40,000 rows, a tenth of each user's alerts unread; titles carry a marker to remove them afterwards
        BulkFixtures.inOneTransaction(transactions, jdbc, () -> jdbc.sql("""
                        INSERT INTO alerting.alert_feed (alert_id, user_id, category, severity, status, title,
                            created_at, updated_at)
                        SELECT gen_random_uuid(), u.id, 'PAYMENT_FAILED', 'HIGH',
                               CASE WHEN i % 10 = 0 THEN 'UNREAD' ELSE 'READ' END, :marker,
                               timestamptz '2026-01-01' + i * interval '1 minute',
                               timestamptz '2026-01-01' + i * interval '1 minute'
                        FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, :users)) u,
                             generate_series(1, :alerts) i""")
                .param("marker", marker.toString()).param("users", USERS).param("alerts", ALERTS_PER_USER)
                .update());
        BulkFixtures.inOneTransaction(transactions, jdbc, () -> jdbc.sql("ANALYZE alerting.alert_feed").update());
        userId = jdbc.sql("SELECT user_id FROM alerting.alert_feed WHERE title = :marker LIMIT 1")
                .param("marker", marker.toString()).query(UUID.class).single();
    }

    @AfterEach
    void removeSeed() {
        BulkFixtures.inOneTransaction(transactions, jdbc, () -> jdbc.sql("DELETE FROM alerting.alert_feed WHERE title = :marker")
                .param("marker", marker.toString()).update());
    }

    @Test
    void markAllReadUsesThePartialUnreadIndexWithCustomAndGenericPlans() {
        String custom = jdbc.sql("EXPLAIN (FORMAT JSON) " + AlertFeedRepository.MARK_ALL_READ)
                .param("userId", userId).param("markedAt", OffsetDateTime.now(ZoneOffset.UTC)).param("version", 0L)
                .query(String.class).single();
        assertThat(custom).contains(UNREAD_INDEX);

        String generic = transactions.execute(status -> {
            jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
            jdbc.sql("PREPARE mark_all_read(uuid, timestamptz, bigint) AS " + AlertFeedRepository.MARK_ALL_READ
                    .replace(":userId", "$1").replace(":markedAt", "$2").replace(":version", "$3")).update();
            // EXECUTE takes no bind parameters; the id is a UUID this test made, safe to inline
            String plan = jdbc.sql("EXPLAIN (FORMAT JSON) EXECUTE mark_all_read('" + userId + "', now(), 0)")
                    .query(String.class).single();
            jdbc.sql("DEALLOCATE mark_all_read").update();
            return plan;
        });
        assertThat(generic).contains(UNREAD_INDEX);
    }
}
