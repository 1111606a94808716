package dev.vigil.loadtest;

/**
 * One poll of the service's monitoring endpoints by {@link ScrapeProbe}.
 *
 * @param target {@code prometheus} or {@code readiness}
 * @param outcome the status code, with the readiness state for readiness ({@code 200 UP}, {@code 503 OUT_OF_SERVICE}),
 *                or the simple name of the exception that ended it
 */
record ScrapeRecord(long startMs, String target, String outcome, long latencyMs, boolean ok) {

    static final String PROMETHEUS = "prometheus";
    static final String READINESS = "readiness";

    static final String CSV_HEADER = "start_ms,target,outcome,latency_ms,ok";

    long endMs() {
        return startMs + latencyMs;
    }

    String csvLine() {
        return startMs + "," + target + "," + outcome + "," + latencyMs + "," + ok;
    }
}
