package dev.vigil.app.plans;

import java.util.ArrayList;
import java.util.List;

/** The compact table the suite prints: one line per explained request. */
final class PlanReport {

    private record Line(String request, ExplainedPlan plan) {
    }

    private final List<Line> lines = new ArrayList<>();

    synchronized void add(String request, ExplainedPlan plan) {
        lines.add(new Line(request, plan));
    }

    synchronized java.util.Set<String> indexesUsed() {
        java.util.Set<String> used = new java.util.TreeSet<>();
        lines.forEach(line -> used.addAll(line.plan().indexNames()));
        return used;
    }

    synchronized String render() {
        StringBuilder table = new StringBuilder(String.format("%-52s %-52s %-45s %8s %8s %8s %8s%n", "statement",
                "request", "index", "returned", "read", "buffers", "exec ms"));
        for (Line line : lines) {
            ExplainedPlan plan = line.plan();
            table.append(String.format("%-52s %-52s %-45s %8d %8d %8d %8.3f%n", plan.statement(), line.request(),
                    String.join("+", plan.indexNames()), plan.rowsReturned(), plan.rowsRead(), plan.sharedBuffers(),
                    plan.executionMs()));
        }
        return table.toString();
    }
}
