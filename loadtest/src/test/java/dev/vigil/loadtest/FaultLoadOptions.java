package dev.vigil.loadtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The command line of {@link FaultLoad}; any mistake in it is an {@link IllegalArgumentException}. */
record FaultLoadOptions(String baseUrl, int users, int workers, Duration duration, Path marks, Path stopFile,
        Path out, int burstWorkers, Path burstFile, String scrapeUrl, int inFlightPerGroup) {

    static final String USAGE = """
            usage: FaultLoad --base-url URL --out DIR [--marks FILE] [--stop-file FILE] [--users 40] [--workers 20]
                             [--seconds 60] [--burst-workers N --burst-file FILE] [--scrape-url URL]
                             [--in-flight-per-group N]
              --base-url  where Vigil (or its load balancer) answers, e.g. http://127.0.0.1:8080
              --out       folder for requests.csv, stale-reads.csv and summary.md (created if missing)
              --marks     file of "<epoch-ms> <label>" lines appended while the load runs; read at the end
              --users     users created through the API before the load (not measured)
              --workers   virtual threads sending requests
              --stop-file the load ends early once this file exists (the script's faults are over)
              --seconds   how long the load runs at most
              --burst-workers, --burst-file
                          N more workers that send requests only while FILE exists (an overload switched on and off)
              --scrape-url poll URL/actuator/prometheus and URL/actuator/health/readiness every 200 ms (1 s timeout);
                          scrapes.csv
              --in-flight-per-group
                          the open model: a worker does not wait for its request, at most N in flight per endpoint
                          group (a step beyond is not sent, and counted); without it a worker waits (closed model)
            With marks "<fault> start" and "<fault> end", suite.md tells per fault what it did to each endpoint group.""";

    private static final Set<String> OPTIONS = Set.of("--base-url", "--users", "--workers", "--seconds", "--marks",
            "--stop-file", "--out", "--burst-workers", "--burst-file", "--scrape-url",
            "--in-flight-per-group");

    static FaultLoadOptions parse(List<String> args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (values.put(name, args.get(i + 1)) != null) {
                throw new IllegalArgumentException(name + " given twice");
            }
        }
        String baseUrl = required(values, "--base-url");
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("--base-url must start with http:// or https://: " + baseUrl);
        }
        String marks = values.get("--marks");
        String stopFile = values.get("--stop-file");
        String burstFile = values.get("--burst-file");
        int burstWorkers = values.containsKey("--burst-workers") ? positive(values, "--burst-workers", 0) : 0;
        if ((burstFile == null) != (burstWorkers == 0)) {
            throw new IllegalArgumentException("--burst-workers and --burst-file go together");
        }
        String scrapeUrl = values.get("--scrape-url");
        if (scrapeUrl != null && !scrapeUrl.startsWith("http://") && !scrapeUrl.startsWith("https://")) {
            throw new IllegalArgumentException("--scrape-url must start with http:// or https://: " + scrapeUrl);
        }
        return new FaultLoadOptions(
                baseUrl.replaceAll("/+$", ""),
                positive(values, "--users", 40),
                positive(values, "--workers", 20),
                Duration.ofSeconds(positive(values, "--seconds", 60)),
                marks == null ? null : Path.of(marks),
                stopFile == null ? null : Path.of(stopFile),
                Path.of(required(values, "--out")),
                burstWorkers,
                burstFile == null ? null : Path.of(burstFile),
                scrapeUrl == null ? null : scrapeUrl.replaceAll("/+$", ""),
                values.containsKey("--in-flight-per-group") ? positive(values, "--in-flight-per-group", 0) : 0);
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static int positive(Map<String, String> values, String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the option's name
        }
        throw new IllegalArgumentException(name + " must be a positive whole number: " + value);
    }
}
