package dev.vigil.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The load driver of the fault-injection runs: creates users through the API, drives the web app's request mix
 * for a fixed time while the fault script breaks things and appends marks, then writes every request
 * (requests.csv), the stale reads (stale-reads.csv), the writes (writes.csv), the monitoring polls (scrapes.csv,
 * with --scrape-url) and a summary per fault window (summary.md, also printed; suite.md for start/end marks).
 * JDK only, so it runs from the loadtest module's test classes alone:
 *
 * <pre>java -cp loadtest/target/test-classes dev.vigil.loadtest.FaultLoad --base-url URL --out DIR ...</pre>
 *
 * Exit status: 0 when the run completed (failed requests are data, judged by the script), 2 for bad arguments,
 * 1 when the setup or writing the results failed.
 */
public final class FaultLoad {

    /** Long enough for any setup and run; tokens are minted once, before the load. */
    private static final Duration TOKEN_SPARE = Duration.ofMinutes(30);

    private FaultLoad() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args)));
    }

    static int run(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            System.out.println(FaultLoadOptions.USAGE);
            return 0;
        }
        FaultLoadOptions options;
        try {
            options = FaultLoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("faultload: " + e.getMessage());
            System.err.println(FaultLoadOptions.USAGE);
            return 2;
        }
        List<FaultLoadUsers.User> users;
        try {
            users = FaultLoadUsers.create(options.baseUrl(), options.users(), options.duration().plus(TOKEN_SPARE));
        } catch (Exception e) {
            System.err.println("faultload: setup failed: " + e);
            return 1;
        }
        RequestLog log = new RequestLog();
        String serviceBearer = "Bearer " + Tokens.service(options.duration().plus(TOKEN_SPARE).toSeconds());
        FaultWorkload workload = new FaultWorkload(options.baseUrl(), users, serviceBearer, log,
                options.inFlightPerGroup());
        System.out.printf("faultload: load started, %d workers for %d s%n", options.workers(),
                options.duration().toSeconds());
        long startMs = System.currentTimeMillis();
        workload.run(options.workers(), options.duration(), options.stopFile(),
                options.burstFile() == null ? null : new FaultWorkload.Burst(options.burstWorkers(), options.burstFile()),
                options.scrapeUrl() == null ? null : new ScrapeProbe(options.scrapeUrl(), log));
        long endMs = System.currentTimeMillis();
        try {
            log.writeTo(options.out());
            List<FaultMark> marks = FaultMark.read(options.marks());
            String summary = new FaultSummary(options, startMs, endMs, log.requests(), log.staleReads(), marks)
                    .markdown();
            Files.writeString(options.out().resolve("summary.md"), summary);
            System.out.print(summary);
            List<FaultSuiteReport.Fault> faults = FaultSuiteReport.faults(marks, endMs);
            if (!faults.isEmpty()) {
                Files.writeString(options.out().resolve("suite.md"),
                        new FaultSuiteReport(faults, startMs, endMs, log.requests(), log.scrapes(), log.notSent())
                                .markdown());
            }
        } catch (IOException e) {
            System.err.println("faultload: writing the results failed: " + e);
            return 1;
        }
        return 0;
    }
}
