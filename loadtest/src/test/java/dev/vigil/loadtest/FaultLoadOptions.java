package dev.vigil.loadtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The command line of {@link FaultLoad}; any mistake in it is an {@link IllegalArgumentException}. */
record FaultLoadOptions(String baseUrl, int users, int workers, Duration duration, Path marks, Path stopFile,
        Path out) {

    static final String USAGE = """
            usage: FaultLoad --base-url URL --out DIR [--marks FILE] [--stop-file FILE] [--users 40] [--workers 20]
                             [--seconds 60]
              --base-url  where Vigil (or its load balancer) answers, e.g. http://127.0.0.1:8080
              --out       folder for requests.csv, stale-reads.csv and summary.md (created if missing)
              --marks     file of "<epoch-ms> <label>" lines appended while the load runs; read at the end
              --users     users created through the API before the load (not measured)
              --workers   virtual threads sending requests
              --stop-file the load ends early once this file exists (the script's faults are over)
              --seconds   how long the load runs at most""";

    private static final Set<String> OPTIONS = Set.of("--base-url", "--users", "--workers", "--seconds", "--marks",
            "--stop-file", "--out");

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
        return new FaultLoadOptions(
                baseUrl.replaceAll("/+$", ""),
                positive(values, "--users", 40),
                positive(values, "--workers", 20),
                Duration.ofSeconds(positive(values, "--seconds", 60)),
                marks == null ? null : Path.of(marks),
                stopFile == null ? null : Path.of(stopFile),
                Path.of(required(values, "--out")));
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
