package dev.vigil.app.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What every read statement's plan must show at volume: the statement's own index, no sequential scan, no sort the
 * index order makes unnecessary, and no more rows read than the page can need.
 */
final class PlanRules {

    /** Rows a page may read per row it can need: a little slack for rows the cursor or a bound skips. */
    static final int INDEX_KEY_FACTOR = 2;
    /**
     * For shapes with a residual source-kind filter: the rarest kind (PASTE) is about 10% of rows, so finding a page
     * of them reads about ten rows per row returned. That is the documented price of not indexing every filter pair.
     */
    static final int RESIDUAL_FILTER_FACTOR = 20;

    private PlanRules() {
    }

    /**
     * @param rowsNeeded what the page can need from one range: offset plus limit plus one (1 for a lookup by key)
     * @param ranges index ranges read: one per requested severity where the statement reads them separately
     */
    static void check(ExplainedPlan plan, long rowsNeeded, int ranges) {
        String described = plan.describe();
        assertThat(plan.indexNames()).as("indexes used by " + described).isNotEmpty()
                .isSubsetOf(ExpectedIndexes.of(plan.statement()));
        assertThat(plan.nodeTypes()).as("sequential scans in " + described).doesNotContain("Seq Scan");
        assertThat(plan.tableScans()).as("table scans in " + described)
                .allSatisfy(scan -> assertThat(scan.get("Node Type").asText()).isIn("Index Scan", "Index Only Scan"));
        List<JsonNode> sorts = plan.nodes().stream().filter(node -> node.get("Node Type").asText().equals("Sort")).toList();
        if (ExpectedIndexes.readsOneRangePerSeverity(plan.statement())) {
            // the ranges come in index order; the one sort allowed merges them, above the loop that reads them
            assertThat(sorts).as("sorts in " + described).hasSizeLessThanOrEqualTo(1)
                    .allSatisfy(sort -> assertThat(descendantTypes(sort)).contains("Nested Loop"));
        } else {
            assertThat(sorts).as("sorts in " + described).isEmpty();
        }
        int factor = ExpectedIndexes.hasResidualFilter(plan.statement()) ? RESIDUAL_FILTER_FACTOR : INDEX_KEY_FACTOR;
        assertThat(plan.rowsRead()).as("rows read by " + described).isLessThanOrEqualTo(factor * ranges * rowsNeeded);
    }

    private static List<String> descendantTypes(JsonNode node) {
        List<String> types = new ArrayList<>();
        node.path("Plans").forEach(child -> {
            types.add(child.get("Node Type").asText());
            types.addAll(descendantTypes(child));
        });
        return types;
    }
}
