package dev.vigil.app.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What every read statement's plan must show at volume: the statement's own index, no sequential scan, no sort of
 * rows an index already returned in order, and no more rows read than the page can need.
 * <p>
 * The planner may still read a small set by bitmap and sort it: a light user's few rows, an offset page that needs
 * most of the user's matching rows anyway, the last pages of a short list. That is its right choice (one pass over
 * the heap pages instead of a random visit per row), and the rows budget keeps it honest: a bitmap reads every
 * matching row, so on a range larger than the page needs it fails the budget. A light user's bitmap may come from
 * any index led by user_id (for a few dozen rows the smallest such index is cheapest). A heavy user's first page
 * must be an ordered index scan, full stop.
 */
final class PlanRules {

    /**
     * Rows a page may read per row it can need. An ordered scan reads exactly what it needs; the planner prefers a
     * bitmap read of all matching rows while they are up to about 1.4 times that (seen at offset 5,000), so 3 leaves
     * room as volumes change and still fails any plan that reads a heavy user's whole list for one page.
     */
    static final int INDEX_KEY_FACTOR = 3;
    /**
     * For shapes with a residual filter (a source kind beside other filters): the rarest kind, PASTE, is about 10% of
     * rows, so a page of them reads about ten rows per row returned: the documented price of not indexing every pair.
     */
    static final int RESIDUAL_FILTER_FACTOR = 20;

    private static final List<String> ORDERED_SCANS = List.of("Index Scan", "Index Only Scan");

    private PlanRules() {
    }

    /** Which page of whose list a plan was taken for. */
    record Page(long rowsNeeded, int ranges, boolean heavyFirstPage, boolean lightUser) {

        static Page lookup() {
            return new Page(1, 1, true, false);
        }
    }

    /**
     * @param page {@code rowsNeeded}: what the page can need from one range, offset plus limit plus one (1 for a
     *        lookup by key); {@code ranges}: one per requested severity where the statement reads them separately
     */
    static void check(ExplainedPlan plan, Page page) {
        String described = plan.describe();
        boolean bitmap = plan.nodeTypes().contains("Bitmap Heap Scan");
        assertThat(plan.indexNames()).as("indexes used by " + described).isNotEmpty().allSatisfy(index -> {
            if (page.lightUser() && bitmap) {
                assertThat(index).matches("(alert|exposure)_feed_user_[a-z_]+_idx");
            } else {
                assertThat(index).isIn(ExpectedIndexes.of(plan.statement()));
            }
        });
        assertThat(plan.nodeTypes()).as("sequential scans in " + described).doesNotContain("Seq Scan");
        if (page.heavyFirstPage()) {
            assertThat(plan.tableScans()).as("table scans in " + described)
                    .allSatisfy(scan -> assertThat(scan.get("Node Type").asText()).isIn(ORDERED_SCANS));
        }
        boolean merges = ExpectedIndexes.readsOneRangePerSeverity(plan.statement());
        assertThat(plan.nodes().stream().filter(node -> node.get("Node Type").asText().equals("Sort")))
                .as("sorts of rows an index returned in order, in " + described)
                .allSatisfy(sort -> {
                    List<String> below = descendantTypes(sort);
                    // per severity, the one sort allowed over ordered ranges merges them, above the loop reading them
                    boolean mergesRanges = merges && below.contains("Nested Loop");
                    assertThat(mergesRanges || below.stream().noneMatch(ORDERED_SCANS::contains))
                            .as("a sort above an ordered index scan").isTrue();
                });
        int factor = ExpectedIndexes.hasResidualFilter(plan.statement()) ? RESIDUAL_FILTER_FACTOR : INDEX_KEY_FACTOR;
        assertThat(plan.rowsRead()).as("rows read by " + described)
                .isLessThanOrEqualTo(factor * page.ranges() * page.rowsNeeded());
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
