package dev.vigil.loadtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The fault suite's results (bin/faults, docs/reliability.md): one row per fault, from its {@code "<fault> start"}
 * mark to its {@code "<fault> end"} mark, and per fault what it did to each {@link EndpointGroup}'s throughput
 * against the quiet seconds before it. A request counts by the moment it ended, as in {@link FaultSummary}.
 * <ul>
 * <li>affected window: from the fault's start until its recovery (or the next fault when it never recovered);</li>
 * <li>recovery: the first clean second after the fault ended: at least one request, none failed, none over 1 s;</li>
 * <li>steady: the first clean second after the end whose p95 is back within twice the quiet p95 (+20 ms);</li>
 * <li>quiet seconds: the clean seconds in the second half of the gap before the fault (at most 10 s); when fewer
 * than two were clean (the previous fault had not recovered), those of the warm-up before the first fault.</li>
 * </ul>
 */
final class FaultSuiteReport {

    private static final long SLOW_MS = 1_000;
    private static final long BASELINE_MAX_MS = 10_000;
    private static final long STEADY_SLACK_MS = 20;
    private static final int MIN_QUIET_SECONDS = 2;
    private static final String START = " start";
    private static final String END = " end";

    /** One injected fault: from when it began to when it was taken away again. */
    record Fault(String name, long startMs, long endMs) {
    }

    private final List<Fault> faults;
    private final long runStartMs;
    private final long runEndMs;
    private final List<RequestRecord> requests;
    private final List<ScrapeRecord> scrapes;
    private final List<NotSent> notSent;
    private final StringBuilder out = new StringBuilder();

    FaultSuiteReport(List<Fault> faults, long runStartMs, long runEndMs, List<RequestRecord> requests,
            List<ScrapeRecord> scrapes, List<NotSent> notSent) {
        this.faults = faults;
        this.runStartMs = runStartMs;
        this.runEndMs = runEndMs;
        this.requests = requests;
        this.scrapes = scrapes;
        this.notSent = notSent;
    }

    /** The faults the marks describe, in the order they began; one never ended lasts until the run's end. */
    static List<Fault> faults(List<FaultMark> marks, long runEndMs) {
        Map<String, Long> started = new LinkedHashMap<>();
        List<Fault> faults = new ArrayList<>();
        for (FaultMark mark : marks) {
            String label = mark.label();
            if (label.endsWith(START)) {
                started.put(label.substring(0, label.length() - START.length()), mark.epochMs());
            } else if (label.endsWith(END)) {
                String name = label.substring(0, label.length() - END.length());
                Long from = started.remove(name);
                if (from != null) {
                    faults.add(new Fault(name, from, mark.epochMs()));
                }
            }
        }
        started.forEach((name, from) -> faults.add(new Fault(name, from, runEndMs)));
        faults.sort(Comparator.comparingLong(Fault::startMs));
        return faults;
    }

    String markdown() {
        out.setLength(0);
        line("## Per fault");
        line("");
        line("Requests counted from the fault's start until its recovery: the first second after the fault ended in which"
                + " every request succeeded within 1 s (until the next fault when none did). Steady: the first such second"
                + " whose p95 is within twice the quiet p95 before the fault (+20 ms; quiet: the clean seconds of the gap's second half,"
                + " or of the warm-up when fewer than two were clean). Scrapes: /actuator/prometheus and"
                + " /actuator/health/readiness polled every 200 ms with a 1 s timeout over the same window.");
        line("");
        line("| fault | lasted s | requests | failed | failures by outcome | p99 ms | worst ms | recovery ms | steady ms"
                + " | scrape p99 / max ms | scrapes failed | readiness seen |");
        line("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|");
        List<Analysis> analyses = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            Analysis analysis = analyse(i);
            analyses.add(analysis);
            LatencyFigures figures = new LatencyFigures(analysis.affected);
            LatencyFigures prometheus = new LatencyFigures(asRequests(scrapesIn(analysis.fromMs, analysis.untilMs,
                    ScrapeRecord.PROMETHEUS)));
            List<ScrapeRecord> readiness = scrapesIn(analysis.fromMs, analysis.untilMs, ScrapeRecord.READINESS);
            long scrapesFailed = prometheus.failures() + readiness.stream().filter(s -> !s.ok()).count();
            line("| %s | %.1f | %d | %d | %s | %d | %d | %s | %s | %d / %d | %d | %s |", analysis.fault.name(),
                    (analysis.fault.endMs() - analysis.fault.startMs()) / 1000.0, figures.requests(), figures.failures(),
                    figures.failuresText(), figures.percentile(0.99), figures.max(), msOrNever(analysis.recoveryMs),
                    msOrNever(analysis.steadyMs), prometheus.percentile(0.99), prometheus.max(), scrapesFailed,
                    counted(readiness.stream().map(ScrapeRecord::outcome).toList()));
        }
        line("");
        for (Analysis analysis : analyses) {
            groups(analysis);
        }
        return out.toString();
    }

    /** What one fault did: its windows and the requests in them. */
    private record Analysis(Fault fault, long fromMs, long untilMs, long recoveryMs, long steadyMs,
            List<RequestRecord> affected, Quiet quiet) {
    }

    /** The clean seconds a fault is compared with, and where they came from. */
    private record Quiet(List<RequestRecord> requests, int seconds, String source) {
    }

    private Analysis analyse(int index) {
        Fault fault = faults.get(index);
        long nextStart = index + 1 < faults.size() ? faults.get(index + 1).startMs() : runEndMs;
        Quiet quiet = quietBefore(index);
        if (quiet.seconds() < MIN_QUIET_SECONDS && index > 0) {
            Quiet warmUp = quietBefore(0);
            quiet = new Quiet(warmUp.requests(), warmUp.seconds(), "the warm-up's");
        }
        long quietP95 = new LatencyFigures(quiet.requests()).percentile(0.95);
        long steadyLimit = Math.max(2 * quietP95, quietP95 + STEADY_SLACK_MS);
        long recoveryMs = firstSecondAfter(fault.endMs(), nextStart, second -> clean(second));
        long steadyMs = firstSecondAfter(fault.endMs(), nextStart,
                second -> clean(second) && new LatencyFigures(second).percentile(0.95) <= steadyLimit);
        long untilMs = recoveryMs < 0 ? nextStart : fault.endMs() + recoveryMs;
        return new Analysis(fault, fault.startMs(), untilMs, recoveryMs, steadyMs, endedIn(fault.startMs(), untilMs),
                quiet);
    }

    /** The clean whole seconds in the second half of the gap before fault {@code index}, at most 10 s of it. */
    private Quiet quietBefore(int index) {
        Fault fault = faults.get(index);
        long previousEnd = index == 0 ? runStartMs : faults.get(index - 1).endMs();
        long from = Math.max(fault.startMs() - BASELINE_MAX_MS, previousEnd + (fault.startMs() - previousEnd) / 2);
        List<RequestRecord> requests = new ArrayList<>();
        int seconds = 0;
        for (long second = fault.startMs() - 1000; second >= from; second -= 1000) {
            List<RequestRecord> inSecond = endedIn(second, second + 1000);
            if (clean(inSecond)) {
                requests.addAll(inSecond);
                seconds++;
            }
        }
        return new Quiet(requests, seconds, "the");
    }

    private static boolean clean(List<RequestRecord> second) {
        return !second.isEmpty() && second.stream().allMatch(r -> r.ok() && r.latencyMs() <= SLOW_MS);
    }

    /** Ms from {@code fromMs} to the first whole second before {@code untilMs} that passes; -1 when none does. */
    private long firstSecondAfter(long fromMs, long untilMs, Predicate<List<RequestRecord>> passes) {
        for (long second = fromMs; second + 1000 <= untilMs; second += 1000) {
            if (passes.test(endedIn(second, second + 1000))) {
                return second - fromMs;
            }
        }
        return -1;
    }

    /** Throughput per endpoint group while the fault lasted, against the quiet seconds before it. */
    private void groups(Analysis analysis) {
        Fault fault = analysis.fault;
        List<RequestRecord> during = endedIn(fault.startMs(), fault.endMs());
        double duringSeconds = Math.max(fault.endMs() - fault.startMs(), 1) / 1000.0;
        double quietSeconds = Math.max(analysis.quiet.seconds(), 1);
        line("### %s: endpoint groups while it lasted (%.1f s) against %s %d clean seconds before it", fault.name(),
                duringSeconds, analysis.quiet.source(), analysis.quiet.seconds());
        line("");
        line("| group | touches alert_feed | before ok/s | during ok/s | during / before | during p99 ms | during worst ms"
                + " | failures during | not sent during |");
        line("|---|---|---:|---:|---:|---:|---:|---|---:|");
        TreeSet<String> names = new TreeSet<>();
        analysis.quiet.requests().forEach(r -> names.add(r.group()));
        during.forEach(r -> names.add(r.group()));
        for (String group : names) {
            List<RequestRecord> groupQuiet = analysis.quiet.requests().stream().filter(r -> r.group().equals(group)).toList();
            List<RequestRecord> groupDuring = during.stream().filter(r -> r.group().equals(group)).toList();
            double before = groupQuiet.stream().filter(RequestRecord::ok).count() / quietSeconds;
            double now = groupDuring.stream().filter(RequestRecord::ok).count() / duringSeconds;
            LatencyFigures figures = new LatencyFigures(groupDuring);
            long skipped = notSent.stream().filter(n -> n.group().equals(group) && n.atMs() >= fault.startMs()
                    && n.atMs() < fault.endMs()).count();
            line("| %s | %s | %.1f | %.1f | %s | %d | %d | %s | %d |", group,
                    EndpointGroup.touchesAlertFeed(group) ? "yes" : "no", before, now,
                    before > 0 ? String.format(Locale.ROOT, "%.0f %%", 100 * now / before) : "-",
                    figures.percentile(0.99), figures.max(), figures.failuresText(), skipped);
        }
        line("");
    }

    private List<RequestRecord> endedIn(long fromMs, long untilMs) {
        return requests.stream().filter(r -> r.endMs() >= fromMs && r.endMs() < untilMs).toList();
    }

    private List<ScrapeRecord> scrapesIn(long fromMs, long untilMs, String target) {
        return scrapes.stream().filter(s -> s.target().equals(target) && s.endMs() >= fromMs && s.endMs() < untilMs)
                .toList();
    }

    private static List<RequestRecord> asRequests(List<ScrapeRecord> scrapes) {
        return scrapes.stream().map(s -> new RequestRecord(s.startMs(), s.target(), s.outcome(), s.latencyMs(), s.ok()))
                .toList();
    }

    /** "200 UP × 50, 503 DOWN × 3", or "none". */
    private static String counted(List<String> outcomes) {
        if (outcomes.isEmpty()) {
            return "none";
        }
        return outcomes.stream().collect(Collectors.groupingBy(o -> o, TreeMap::new, Collectors.counting())).entrySet()
                .stream().map(e -> e.getKey() + " × " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String msOrNever(long ms) {
        return ms < 0 ? "not before the next fault" : Long.toString(ms);
    }

    private void line(String format, Object... args) {
        out.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
    }
}
