package dev.vigil.loadtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The markdown summary of a run: the whole run, then one window per fault (from the run's start, and from each
 * mark to the next mark or the end), each with its failures and how long after the mark they and the slow
 * requests lasted. A request belongs to the window in which it ended, when its outcome was known: a request in
 * flight when an instance is killed fails with the kill, not in the window before it.
 */
final class FaultSummary {

    private static final long SLOW_MS = 1_000;
    private static final int STALE_READS_LISTED = 20;
    private static final int SECONDS_BEFORE_MARK = 2;
    private static final int MIN_SECONDS_AFTER_MARK = 5;
    private static final int MAX_SECOND_ROWS = 40;

    /** The requests that ended from {@code fromMs} (a mark, or the run's start) until the next mark. */
    private record Window(String label, long fromMs, List<RequestRecord> requests) {

        long lastFailureMs() {
            return requests.stream().filter(r -> !r.ok()).mapToLong(RequestRecord::endMs).max().orElse(fromMs);
        }

        long firstFailureMs() {
            return requests.stream().filter(r -> !r.ok()).mapToLong(RequestRecord::endMs).min().orElse(fromMs);
        }

        /** When the last request slower than a second ended, after the mark; 0 when none was. */
        long slowUntilMs() {
            return requests.stream().filter(r -> r.latencyMs() > SLOW_MS).mapToLong(RequestRecord::endMs).max()
                    .orElse(fromMs) - fromMs;
        }
    }

    private final FaultLoadOptions options;
    private final long runStartMs;
    private final long runEndMs;
    private final List<RequestRecord> requests;
    private final List<StaleRead> staleReads;
    private final List<FaultMark> marks;
    private final StringBuilder out = new StringBuilder();

    FaultSummary(FaultLoadOptions options, long runStartMs, long runEndMs, List<RequestRecord> requests,
            List<StaleRead> staleReads, List<FaultMark> marks) {
        this.options = options;
        this.runStartMs = runStartMs;
        this.runEndMs = runEndMs;
        this.requests = requests;
        this.staleReads = staleReads;
        this.marks = marks;
    }

    String markdown() {
        out.setLength(0);
        overall();
        List<Window> windows = windows();
        windowTable(windows);
        for (Window window : windows.subList(1, windows.size())) {
            secondsAround(window);
        }
        staleReadList();
        return out.toString();
    }

    private void overall() {
        LatencyFigures all = new LatencyFigures(requests);
        double seconds = Math.max(runEndMs - runStartMs, 1) / 1000.0;
        line("# Fault load summary");
        line("");
        line("Run from %s to %s (%.1f s), %d workers, %d users, against %s.", Instant.ofEpochMilli(runStartMs),
                Instant.ofEpochMilli(runEndMs), seconds, options.workers(), options.users(), options.baseUrl());
        line("");
        line("## Overall");
        line("");
        line("| requests | requests/s | failures | stale reads | p50 ms | p95 ms | p99 ms | max ms |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|");
        line("| %d | %.1f | %d | %d | %d | %d | %d | %d |", all.requests(), all.requests() / seconds, all.failures(),
                staleReads.size(), all.percentile(0.50), all.percentile(0.95), all.percentile(0.99), all.max());
        line("");
        line("Failures by outcome: %s", all.failuresText());
        line("");
        line("| request | requests | failures | p95 ms | max ms |");
        line("|---|---:|---:|---:|---:|");
        Map<String, List<RequestRecord>> byName = requests.stream()
                .collect(Collectors.groupingBy(RequestRecord::name, TreeMap::new, Collectors.toList()));
        byName.forEach((name, records) -> {
            LatencyFigures figures = new LatencyFigures(records);
            line("| %s | %d | %d | %d | %d |", name, figures.requests(), figures.failures(), figures.percentile(0.95),
                    figures.max());
        });
        line("");
    }

    private List<Window> windows() {
        List<Window> windows = new ArrayList<>();
        windows.add(new Window("start", runStartMs, new ArrayList<>()));
        for (FaultMark mark : marks) {
            windows.add(new Window(mark.label(), mark.epochMs(), new ArrayList<>()));
        }
        for (RequestRecord request : requests) {
            // the last window that had begun when the request ended; the start window takes any that ended before it
            Window owner = windows.getFirst();
            for (Window window : windows) {
                if (window.fromMs() <= request.endMs()) {
                    owner = window;
                }
            }
            owner.requests().add(request);
        }
        return windows;
    }

    private void windowTable(List<Window> windows) {
        line("## Windows");
        line("");
        line("From the run's start, and from each mark to the next mark or the end. A request counts in the window in"
                + " which it ended; times are ms after the window's mark, a failure's being when it ended. Recovery = last failure − mark; slow until = end of the"
                + " last request over 1 s − mark (0 when none).");
        line("");
        line("| window | at s | requests | failures | failures by outcome | worst ms | first failure | last failure"
                + " | recovery ms | slow until ms |");
        line("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|");
        for (Window window : windows) {
            LatencyFigures figures = new LatencyFigures(window.requests());
            boolean failed = figures.failures() > 0;
            line("| %s | %.1f | %d | %d | %s | %d | %s | %s | %d | %d |", window.label(),
                    (window.fromMs() - runStartMs) / 1000.0, figures.requests(), figures.failures(),
                    figures.failuresText(), figures.max(),
                    failed ? Long.toString(window.firstFailureMs() - window.fromMs()) : "-",
                    failed ? Long.toString(window.lastFailureMs() - window.fromMs()) : "-",
                    window.lastFailureMs() - window.fromMs(), window.slowUntilMs());
        }
        line("");
    }

    /** Second by second from just before the mark until a few seconds after its failures and slow requests ended. */
    private void secondsAround(Window window) {
        long settledMs = Math.max(window.lastFailureMs() - window.fromMs(), window.slowUntilMs());
        int lastSecond = Math.max(MIN_SECONDS_AFTER_MARK, (int) (settledMs / 1000) + 2);
        lastSecond = Math.min(lastSecond, MAX_SECOND_ROWS - SECONDS_BEFORE_MARK - 1);
        lastSecond = Math.min(lastSecond, (int) Math.floorDiv(runEndMs - window.fromMs(), 1000L));
        line("### Around %s, per second (requests by the second they ended in)", window.label());
        line("");
        line("| s | requests | failures | max ms |");
        line("|---:|---:|---:|---:|");
        for (int second = -SECONDS_BEFORE_MARK; second <= lastSecond; second++) {
            long from = window.fromMs() + second * 1000L;
            List<RequestRecord> inSecond = requests.stream()
                    .filter(r -> r.endMs() >= from && r.endMs() < from + 1000).toList();
            LatencyFigures figures = new LatencyFigures(inSecond);
            line("| %+d | %d | %d | %d |", second, figures.requests(), figures.failures(), figures.max());
        }
        line("");
    }

    private void staleReadList() {
        line("## Stale reads");
        line("");
        if (staleReads.isEmpty()) {
            line("None: every alert read that answered 2xx showed READ on the next read.");
            return;
        }
        line("%d alert reads answered 2xx, yet the next read of the alert did not show it read%s:", staleReads.size(),
                staleReads.size() > STALE_READS_LISTED ? " (the first " + STALE_READS_LISTED + ")" : "");
        line("");
        for (StaleRead stale : staleReads.subList(0, Math.min(staleReads.size(), STALE_READS_LISTED))) {
            line("- at %.1f s: alert %s of user %s showed %s", (stale.startMs() - runStartMs) / 1000.0, stale.alertId(),
                    stale.userId(), stale.statusSeen());
        }
    }

    private void line(String format, Object... args) {
        out.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
    }
}
