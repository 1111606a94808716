package dev.vigil.alerting.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alerting.AlertingTestApplication;
import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.paging.KeysetPosition;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each page statement can read its rows in order from a user-scoped index of {@code alert_feed}: an index scan
 * (no sequential scan, no bitmap scan that must then be sorted) and no sort but the merge of the per-severity
 * ranges. Keyset pages are checked with the one-off (custom) plan and with the generic plan a prepared statement
 * may switch to; offset pages with the generic plan, which cannot see how deep the offset goes, while their
 * custom plan need only stay on a user index (knowing the values, it may rightly fetch a small remainder by
 * bitmap and sort it). Seeded with enough rows per user, and analyzed, for the planner to prefer an index at
 * all. The full proof with production-sized data belongs to the index issue; this keeps every shape honest.
 */
@SpringBootTest(classes = AlertingTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertPagePlanIntegrationTests {

    private static final int USERS = 20;
    private static final int ALERTS_PER_USER = 4_000;
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-zA-Z]+)");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ObjectMapper json;

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

    @ParameterizedTest
    @EnumSource(AlertPageStatement.class)
    void keysetPagesReadAnIndexInOrder(AlertPageStatement statement) {
        Map<String, Object> parameters = parameters(statement, 0);
        assertReadsAnIndexInOrder(statement, explain(statement.keysetSql(), parameters));
        assertReadsAnIndexInOrder(statement, explainGeneric(statement.keysetSql(), parameters));
    }

    @ParameterizedTest
    @EnumSource(AlertPageStatement.class)
    void offsetPagesReadAnIndexInOrder(AlertPageStatement statement) {
        Map<String, Object> parameters = parameters(statement, 40);
        assertReadsAUserIndex(statement, explain(statement.offsetSql(), parameters));
        assertReadsAnIndexInOrder(statement, explainGeneric(statement.offsetSql(), parameters));
    }

    /**
     * Values for a filter of the statement's shape (two severities where it has severities) on a page of 50 from
     * the newest alert on, or at {@code offset}.
     */
    private Map<String, Object> parameters(AlertPageStatement statement, int offset) {
        int fetchSize = 51;
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("userId", userId);
        parameters.put("status", "READ");
        parameters.put("category", AlertCategory.PAYMENT_FAILED.name());
        parameters.put("severities", new String[] {AlertSeverity.HIGH.name(), AlertSeverity.LOW.name()});
        parameters.put("from", AlertFilter.EARLIEST.atOffset(ZoneOffset.UTC));
        parameters.put("beforeCreatedAt", KeysetPosition.START.createdAtUtc());
        parameters.put("beforeAlertId", KeysetPosition.START.id());
        parameters.put("fetchSize", fetchSize);
        parameters.put("offset", offset);
        parameters.put("branchSize", offset + fetchSize);
        return parameters;
    }

    private JsonNode explain(String sql, Map<String, Object> parameters) {
        var spec = jdbc.sql("EXPLAIN (FORMAT JSON) " + sql);
        parameters.forEach(spec::param);
        return plan(spec.query(String.class).single());
    }

    /**
     * The plan PostgreSQL uses once a prepared statement switches to a generic plan, which does not know the
     * user, the bounds or the limit.
     */
    private JsonNode explainGeneric(String sql, Map<String, Object> parameters) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (matcher.find()) {
            if (!names.contains(matcher.group(1))) {
                names.add(matcher.group(1));
            }
            matcher.appendReplacement(positional, "\\$" + (names.indexOf(matcher.group(1)) + 1));
        }
        matcher.appendTail(positional);
        String types = names.stream().map(AlertPagePlanIntegrationTests::type).collect(Collectors.joining(", "));
        // EXECUTE takes no bind parameters: the values are this test's own, safe to write out
        String values = names.stream().map(name -> literal(parameters.get(name))).collect(Collectors.joining(", "));
        return transactions.execute(status -> {
            jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
            jdbc.sql("PREPARE generic_alert_page(" + types + ") AS " + positional).update();
            try {
                return plan(jdbc.sql("EXPLAIN (FORMAT JSON) EXECUTE generic_alert_page(" + values + ")")
                        .query(String.class).single());
            } finally {
                jdbc.sql("DEALLOCATE generic_alert_page").update();
            }
        });
    }

    private static String literal(Object value) {
        return switch (value) {
            case Integer number -> number.toString();
            case String[] array -> "'{" + String.join(",", array) + "}'";
            default -> "'" + value + "'";
        };
    }

    private static String type(String parameter) {
        return switch (parameter) {
            case "userId", "beforeAlertId" -> "uuid";
            case "from", "beforeCreatedAt" -> "timestamptz";
            case "severities" -> "varchar[]";
            case "fetchSize", "offset", "branchSize" -> "bigint";
            default -> "varchar";
        };
    }

    private JsonNode plan(String explained) {
        try {
            return json.readTree(explained).get(0).get("Plan");
        } catch (Exception e) {
            throw new IllegalStateException(explained, e);
        }
    }

    /** Reads alert_feed only through indexes that lead with user_id. */
    private static void assertReadsAUserIndex(AlertPageStatement statement, JsonNode plan) {
        List<JsonNode> nodes = new ArrayList<>();
        collect(plan, nodes);
        String described = statement + ":\n" + plan.toPrettyString();
        assertThat(nodes).as(described)
                .noneSatisfy(node -> assertThat(node.get("Node Type").asText()).isEqualTo("Seq Scan"))
                .filteredOn(node -> node.has("Index Name")).isNotEmpty()
                .allSatisfy(node -> assertThat(node.get("Index Name").asText()).startsWith("alert_feed_user_"));
    }

    private static void assertReadsAnIndexInOrder(AlertPageStatement statement, JsonNode plan) {
        assertReadsAUserIndex(statement, plan);
        List<JsonNode> nodes = new ArrayList<>();
        collect(plan, nodes);
        String described = statement + ":\n" + plan.toPrettyString();
        List<JsonNode> scans = nodes.stream().filter(node -> node.path("Relation Name").asText().equals("alert_feed"))
                .toList();
        assertThat(scans).as(described).isNotEmpty().allSatisfy(scan -> {
            assertThat(scan.get("Node Type").asText()).as(described).isIn("Index Scan", "Index Only Scan");
            assertThat(scan.get("Index Name").asText()).as(described).startsWith("alert_feed_user_");
        });
        List<JsonNode> sorts = nodes.stream().filter(node -> node.get("Node Type").asText().equals("Sort")).toList();
        if (statement.ranges() == AlertPageStatement.Ranges.ONE) {
            assertThat(sorts).as(described).isEmpty();
        } else {
            // one range scan per severity; the only sort merges what they return, above the join that reads them
            assertThat(scans).as(described).hasSize(1);
            assertThat(sorts).as(described).hasSizeLessThanOrEqualTo(1).allSatisfy(sort -> {
                List<JsonNode> below = new ArrayList<>();
                collect(sort, below);
                assertThat(below).as(described).anySatisfy(node ->
                        assertThat(node.get("Node Type").asText()).isEqualTo("Nested Loop"));
            });
        }
    }

    private static void collect(JsonNode node, List<JsonNode> nodes) {
        nodes.add(node);
        node.path("Plans").forEach(child -> collect(child, nodes));
    }
}
