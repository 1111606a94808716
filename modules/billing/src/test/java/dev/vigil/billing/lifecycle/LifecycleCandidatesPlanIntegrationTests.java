package dev.vigil.billing.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.billing.BillingTestApplication;
import dev.vigil.platform.testing.BulkFixtures;
import dev.vigil.platform.testing.ExpectedLogs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lifecycle job's statements are served by their partial indexes, with the parameters' values known
 * (custom plan) and unknown (generic plan, as pgjdbc's server-side prepared statements may get). The table
 * is seeded with 22,000 rows inside a transaction that is rolled back, so no other test sees them.
 */
@SpringBootTest(classes = BillingTestApplication.class)
class LifecycleCandidatesPlanIntegrationTests {

    private static final String SEED = """
            INSERT INTO billing.subscription_view
                (user_id, plan, status, trial, current_period_end, started_at, cancelled_at, updated_at,
                 expiry_noticed_at, version)
            SELECT gen_random_uuid(), 'PLUS',
                   (ARRAY['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'EXPIRED', 'EXPIRED', 'EXPIRED',
                          'CANCELLED', 'TRIALING', 'PAST_DUE'])[1 + i % 11],
                   i % 11 = 9, now() + (i % 60 - 30) * interval '1 day' + i * interval '1 second',
                   now() - interval '40 days', NULL, now(), NULL, 0
            FROM generate_series(1, 22000) AS i""";

    private static final AtomicInteger PREPARED = new AtomicInteger();

    /** The service's slow-statement report of the bulk fill, which is slow by nature. */
    @RegisterExtension
    final ExpectedLogs slowFill = ExpectedLogs.from("vigil.sql.slow");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ObjectMapper json;

    @Test
    void noticeDueScansItsPartialIndex() {
        String sql = positional(LifecycleCandidates.NOTICE_DUE, "now", "noticeUntil", "limit");
        assertThat(plans(sql, "timestamptz, timestamptz, int", "now(), now() + interval '3 days', 200"))
                .allSatisfy(plan -> assertThat(plan).contains("subscription_view_notice_due_idx").doesNotContain("Seq Scan"));
    }

    @Test
    void expiryDueScansItsPartialIndex() {
        String sql = positional(LifecycleCandidates.EXPIRY_DUE, "now", "activeEndedBefore", "limit");
        assertThat(plans(sql, "timestamptz, timestamptz, int", "now(), now() - interval '3 days', 200"))
                .allSatisfy(plan -> assertThat(plan).contains("subscription_view_expiry_due_idx").doesNotContain("Seq Scan"));
    }

    /** Index names and node types of the custom and the generic plan, after seeding and ANALYZE. */
    private List<String> plans(String sql, String types, String arguments) {
        List<String> plans = new ArrayList<>();
        // prepared statements outlive a rollback: a name of its own, deallocated before the rollback
        String name = "lifecycle_candidates_" + PREPARED.incrementAndGet();
        slowFill.allow(Level.WARN, "name=unnamed").allow(Level.ERROR, "name=unnamed");
        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            BulkFixtures.withoutStatementTimeout(jdbc);
            jdbc.sql(SEED).update();
            jdbc.sql("ANALYZE billing.subscription_view").update();
            jdbc.sql("PREPARE " + name + " (" + types + ") AS " + sql).update();
            plans.add(explain("EXPLAIN (FORMAT JSON) EXECUTE " + name + "(" + arguments + ")"));
            jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
            plans.add(explain("EXPLAIN (FORMAT JSON) EXECUTE " + name + "(" + arguments + ")"));
            jdbc.sql("DEALLOCATE " + name).update();
        });
        System.out.printf("plans (custom, generic) for %s: %s%n", sql.lines().findFirst().orElse(sql).strip(), plans);
        return plans;
    }

    private String explain(String statement) {
        try {
            JsonNode plan = json.readTree(jdbc.sql(statement).query(String.class).single());
            List<String> nodes = new ArrayList<>();
            collect(plan.get(0).get("Plan"), nodes);
            return String.join(" / ", nodes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(JsonNode node, List<String> nodes) {
        nodes.add(node.get("Node Type").asText() + (node.has("Index Name") ? " " + node.get("Index Name").asText() : ""));
        if (node.has("Plans")) {
            node.get("Plans").forEach(child -> collect(child, nodes));
        }
    }

    /** The repository's statement with {@code :name} parameters turned into {@code $1, $2, ...} in the given order. */
    private static String positional(String sql, String... names) {
        String result = sql;
        for (int i = 0; i < names.length; i++) {
            result = result.replaceAll(":" + names[i] + "\\b", "\\$" + (i + 1));
        }
        return result;
    }
}
