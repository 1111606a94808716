package dev.vigil.loadtest;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Counts and latencies of a set of requests, as the summary's rows show them. */
final class LatencyFigures {

    private final long[] sortedLatencies;
    private final Map<String, Long> failuresByOutcome;

    LatencyFigures(Collection<RequestRecord> records) {
        sortedLatencies = records.stream().mapToLong(RequestRecord::latencyMs).sorted().toArray();
        failuresByOutcome = records.stream().filter(r -> !r.ok())
                .collect(Collectors.groupingBy(RequestRecord::outcome, TreeMap::new, Collectors.counting()));
    }

    int requests() {
        return sortedLatencies.length;
    }

    long failures() {
        return failuresByOutcome.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Nearest-rank percentile in ms; 0 when there were no requests. */
    long percentile(double fraction) {
        if (sortedLatencies.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sortedLatencies.length);
        return sortedLatencies[Math.max(rank, 1) - 1];
    }

    long max() {
        return sortedLatencies.length == 0 ? 0 : sortedLatencies[sortedLatencies.length - 1];
    }

    /** "502 × 3, ConnectException × 12", or "none". */
    String failuresText() {
        if (failuresByOutcome.isEmpty()) {
            return "none";
        }
        return failuresByOutcome.entrySet().stream().map(e -> e.getKey() + " × " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
