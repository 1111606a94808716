package dev.vigil.app.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The compact table the suite prints: one line per explained request. */
final class PlanReport {

    private record Line(String request, ExplainedPlan plan) {
    }

    private final List<Line> lines = new ArrayList<>();

    synchronized void add(String request, ExplainedPlan plan) {
        lines.add(new Line(request, plan));
    }

    synchronized Set<String> indexesUsed() {
        Set<String> used = new TreeSet<>();
        lines.forEach(line -> used.addAll(line.plan().indexNames()));
        return used;
    }

    synchronized String render() {
        StringBuilder table = new StringBuilder(String.format("%-62s %-44s %8s %8s %8s %8s  %s%n", "statement",
                "index", "returned", "read", "buffers", "exec ms", "request"));
        for (Line line : lines) {
            ExplainedPlan plan = line.plan();
            table.append(String.format("%-62s %-44s %8d %8d %8d %8.3f  %s%n", plan.statement(),
                    String.join("+", plan.indexNames()), plan.rowsReturned(), plan.rowsRead(), plan.sharedBuffers(),
                    plan.executionMs(), line.request()));
        }
        return table.toString();
    }
}
