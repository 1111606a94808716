package dev.vigil.app.plans;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} result, and the figures the suite asserts on and prints.
 * "Rows read" are the heap rows the table scans produced or threw away ({@code Actual Rows} plus the rows removed by
 * a filter or a recheck, times the loops): what the statement paid to find its rows. Index entries skipped inside a
 * B-tree (conditions on trailing key columns) cost no heap access and show up only in the buffer count.
 */
record ExplainedPlan(String statement, JsonNode plan, double executionMs, double planningMs) {

    static ExplainedPlan of(String statement, JsonNode explained) {
        JsonNode top = explained.get(0);
        return new ExplainedPlan(statement, top.get("Plan"), top.path("Execution Time").asDouble(),
                top.path("Planning Time").asDouble());
    }

    List<JsonNode> nodes() {
        List<JsonNode> nodes = new ArrayList<>();
        collect(plan, nodes);
        return nodes;
    }

    /** Scans of a table (not of a function such as {@code unnest}). */
    List<JsonNode> tableScans() {
        return nodes().stream().filter(node -> node.has("Relation Name")).toList();
    }

    Set<String> indexNames() {
        Set<String> names = new TreeSet<>();
        nodes().stream().filter(node -> node.has("Index Name")).forEach(node -> names.add(node.get("Index Name").asText()));
        return names;
    }

    List<String> nodeTypes() {
        return nodes().stream().map(node -> node.get("Node Type").asText()).toList();
    }

    long rowsReturned() {
        return plan.path("Actual Rows").asLong() * Math.max(1, plan.path("Actual Loops").asLong());
    }

    long rowsRead() {
        return tableScans().stream().mapToLong(scan -> (scan.path("Actual Rows").asLong()
                + scan.path("Rows Removed by Filter").asLong()
                + scan.path("Rows Removed by Index Recheck").asLong()) * Math.max(1, scan.path("Actual Loops").asLong()))
                .sum();
    }

    /** Shared buffers touched, hit or read (the top node's counts include its children's). */
    long sharedBuffers() {
        return plan.path("Shared Hit Blocks").asLong() + plan.path("Shared Read Blocks").asLong();
    }

    String describe() {
        return statement + ":\n" + plan.toPrettyString();
    }

    private static void collect(JsonNode node, List<JsonNode> nodes) {
        nodes.add(node);
        node.path("Plans").forEach(child -> collect(child, nodes));
    }
}
