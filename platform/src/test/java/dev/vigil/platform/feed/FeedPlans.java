package dev.vigil.platform.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.paging.KeysetPosition;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a feed's page statements against the query planner: each shape reads its rows in order from a
 * user-scoped index of the feed's table (an index scan; no sequential scan, no bitmap scan that must then be
 * sorted), with no sort but the merge of per-value ranges. Keyset pages are checked with the one-off (custom) plan
 * and with the generic plan a prepared statement may switch to; offset pages with the generic plan, which cannot see
 * how deep the offset goes, while their custom plan need only stay on a user index (knowing the values, it may rightly
 * fetch a small remainder by bitmap and sort it). The table must hold enough rows, analyzed, for the planner to
 * prefer an index at all; the proof at production volume is the app's plan suite.
 */
public final class FeedPlans {

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-zA-Z]+)");
    private static final int FETCH_SIZE = 51;
    private static final int OFFSET = 40;

    private final Feed<?> feed;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final String relation;

    public FeedPlans(Feed<?> feed, JdbcClient jdbc, TransactionTemplate transactions, ObjectMapper json) {
        this.feed = feed;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.relation = feed.statements().table().substring(feed.statements().table().indexOf('.') + 1);
    }

    /** One selection per statement shape: every way of using every filter, with values the filters accept. */
    public List<FeedSelection> everyShape() {
        List<FeedSelection> selections = new ArrayList<>();
        collect(0, new LinkedHashMap<>(), selections);
        return selections;
    }

    /**
     * A keyset page of {@code selection} reads an index in order under both kinds of plan, except where the custom
     * plan expects fewer matching rows than one page: then reading them all by bitmap and sorting them costs no more
     * than the page itself, and only a user index is required.
     */
    public void assertKeysetPagesReadAnIndexInOrder(UUID userId, FeedSelection selection) {
        BoundStatement statement = feed.statements().page(userId, selection, KeysetPosition.START, null, FETCH_SIZE);
        JsonNode custom = explain(statement);
        if (expectedRows(custom) < FETCH_SIZE) {
            assertReadsAUserIndex(statement, custom);
        } else {
            assertReadsAnIndexInOrder(statement, custom);
        }
        assertReadsAnIndexInOrder(statement, explainGeneric(statement));
    }

    public void assertOffsetPagesReadAnIndexInOrder(UUID userId, FeedSelection selection) {
        BoundStatement statement = feed.statements().page(userId, selection, KeysetPosition.START, OFFSET, FETCH_SIZE);
        assertReadsAUserIndex(statement, explain(statement));
        assertReadsAnIndexInOrder(statement, explainGeneric(statement));
    }

    private void collect(int index, Map<FeedFilter<?>, Set<?>> chosen, List<FeedSelection> into) {
        List<FeedFilter<?>> filters = feed.filters();
        if (index == filters.size()) {
            FeedSelection.Builder selection = FeedSelection.builder();
            chosen.forEach(selection::put);
            into.add(selection.build());
            return;
        }
        for (Set<?> values : waysToUse(filters.get(index))) {
            Map<FeedFilter<?>, Set<?>> next = new LinkedHashMap<>(chosen);
            next.put(filters.get(index), values);
            collect(index + 1, next, into);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Set<?>> waysToUse(FeedFilter<?> filter) {
        List<Enum> constants = new ArrayList<>();
        for (String name : filter.values()) {
            constants.add(Enum.valueOf((Class) filter.type(), name));
        }
        Enum own = filter.ownIndexValue();
        List<Enum> others = constants.stream().filter(constant -> constant != own).toList();
        List<Set<?>> ways = new ArrayList<>();
        ways.add(Set.of());
        ways.add(EnumSet.of(others.getFirst()));
        if (own != null) {
            ways.add(EnumSet.of(own));
        }
        if (filter.takesSeveral()) {
            ways.add(EnumSet.of(others.get(0), others.get(1)));
        }
        return ways;
    }

    private JsonNode explain(BoundStatement statement) {
        var spec = jdbc.sql("EXPLAIN (FORMAT JSON) " + statement.sql());
        statement.parameters().forEach(spec::param);
        return plan(spec.query(String.class).single());
    }

    /** The plan once a prepared statement switches to a generic plan, which knows no user, bound or limit. */
    private JsonNode explainGeneric(BoundStatement statement) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(statement.sql());
        StringBuilder positional = new StringBuilder();
        while (matcher.find()) {
            if (!names.contains(matcher.group(1))) {
                names.add(matcher.group(1));
            }
            matcher.appendReplacement(positional, "\\$" + (names.indexOf(matcher.group(1)) + 1));
        }
        matcher.appendTail(positional);
        Map<String, Object> values = new LinkedHashMap<>();
        names.forEach(name -> values.put(name, statement.parameters().get(name)));
        String types = values.values().stream().map(FeedPlans::type).collect(Collectors.joining(", "));
        // EXECUTE takes no bind parameters: the values are this check's own, safe to write out
        String literals = values.values().stream().map(FeedPlans::literal).collect(Collectors.joining(", "));
        return transactions.execute(status -> {
            jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
            jdbc.sql("PREPARE generic_feed_page(" + types + ") AS " + positional).update();
            try {
                return plan(jdbc.sql("EXPLAIN (FORMAT JSON) EXECUTE generic_feed_page(" + literals + ")")
                        .query(String.class).single());
            } finally {
                jdbc.sql("DEALLOCATE generic_feed_page").update();
            }
        });
    }

    private static String type(Object value) {
        return switch (value) {
            case UUID id -> "uuid";
            case OffsetDateTime instant -> "timestamptz";
            case String[] array -> "varchar[]";
            case Integer number -> "bigint";
            default -> "varchar";
        };
    }

    private static String literal(Object value) {
        return switch (value) {
            case Integer number -> number.toString();
            case String[] array -> "'{" + String.join(",", array) + "}'";
            default -> "'" + value + "'";
        };
    }

    private JsonNode plan(String explained) {
        try {
            return json.readTree(explained).get(0).get("Plan");
        } catch (Exception e) {
            throw new IllegalStateException(explained, e);
        }
    }

    /** Reads the table only through indexes that lead with user_id. */
    private void assertReadsAUserIndex(BoundStatement statement, JsonNode plan) {
        List<JsonNode> nodes = nodes(plan);
        String described = statement.sql() + "\n" + plan.toPrettyString();
        assertThat(nodes).as(described)
                .noneSatisfy(node -> assertThat(node.get("Node Type").asText()).isEqualTo("Seq Scan"))
                .filteredOn(node -> node.has("Index Name")).isNotEmpty()
                .allSatisfy(node -> assertThat(node.get("Index Name").asText()).startsWith(relation + "_user_"));
    }

    private void assertReadsAnIndexInOrder(BoundStatement statement, JsonNode plan) {
        assertReadsAUserIndex(statement, plan);
        List<JsonNode> nodes = nodes(plan);
        String described = statement.sql() + "\n" + plan.toPrettyString();
        List<JsonNode> scans = nodes.stream().filter(node -> node.path("Relation Name").asText().equals(relation))
                .toList();
        assertThat(scans).as(described).isNotEmpty().allSatisfy(scan -> {
            assertThat(scan.get("Node Type").asText()).as(described).isIn("Index Scan", "Index Only Scan");
            assertThat(scan.get("Index Name").asText()).as(described).startsWith(relation + "_user_");
        });
        List<JsonNode> sorts = nodes.stream().filter(node -> node.get("Node Type").asText().equals("Sort")).toList();
        if (!statement.sql().contains("CROSS JOIN LATERAL")) {
            assertThat(sorts).as(described).isEmpty();
            return;
        }
        // one range scan per value; the only sort merges what they return, above the join that reads them
        assertThat(scans).as(described).hasSize(1);
        assertThat(sorts).as(described).hasSizeLessThanOrEqualTo(1).allSatisfy(sort ->
                assertThat(nodes(sort)).as(described).anySatisfy(node ->
                        assertThat(node.get("Node Type").asText()).isEqualTo("Nested Loop")));
    }

    /** The rows the plan expects its scans of the table to return (per loop, for a range per value). */
    private double expectedRows(JsonNode plan) {
        return nodes(plan).stream().filter(node -> node.path("Relation Name").asText().equals(relation))
                .mapToDouble(node -> node.get("Plan Rows").asDouble())
                .sum();
    }

    private static List<JsonNode> nodes(JsonNode plan) {
        List<JsonNode> nodes = new ArrayList<>();
        nodes.add(plan);
        plan.path("Plans").forEach(child -> nodes.addAll(nodes(child)));
        return nodes;
    }
}
