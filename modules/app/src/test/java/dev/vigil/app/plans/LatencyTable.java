package dev.vigil.app.plans;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * p50/p95/p99 of warm execution times per statement, page and user kind, the cold p95 (each user's first run) beside
 * them, and the targets.
 */
final class LatencyTable {

    private record Row(String statement, String page, String user, List<Double> millis, List<Double> cold) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String statement, String page, String user, Timings timings) {
        rows.add(new Row(statement, page, user, sorted(timings.warm()), sorted(timings.cold())));
    }

    private static List<Double> sorted(List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted;
    }

    String render() {
        StringBuilder table = new StringBuilder(String.format("%-62s %-11s %-5s %5s %7s %7s %7s %10s  %s%n", "statement",
                "page", "user", "n", "p50 ms", "p95 ms", "p99 ms", "cold p95", "target (warm p95)"));
        for (Row row : rows) {
            if (row.millis().isEmpty()) {
                table.append(String.format("%-62s %-11s %-5s %5d %7s %7s %7s %10s  %s%n", row.statement(), row.page(),
                        row.user(), 0, "-", "-", "-", "-", "no user has this page"));
                continue;
            }
            double p95 = percentile(row.millis(), 95);
            table.append(String.format("%-62s %-11s %-5s %5d %7.3f %7.3f %7.3f %10.3f  %s%n", row.statement(),
                    row.page(), row.user(), row.millis().size(), percentile(row.millis(), 50), p95,
                    percentile(row.millis(), 99), percentile(row.cold(), 95), verdict(row, p95)));
        }
        return table.toString();
    }

    /** The targets: the dashboard lookup under 1 ms, any keyset page (first or deep) under 2 ms. */
    private static String verdict(Row row, double p95) {
        if (row.statement().equals("dashboard.summary_by_user")) {
            return p95 < 1.0 ? "< 1 ms: met" : "< 1 ms: MISSED";
        }
        if (row.page().equals("first") || row.page().startsWith("page ")) {
            return p95 < 2.0 ? "< 2 ms: met" : "< 2 ms: MISSED";
        }
        return "";
    }

    /** Nearest rank. */
    private static double percentile(List<Double> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
