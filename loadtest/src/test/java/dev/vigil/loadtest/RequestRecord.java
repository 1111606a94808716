package dev.vigil.loadtest;

/**
 * One request of a {@link FaultLoad} run.
 *
 * @param startMs epoch milliseconds when it was sent
 * @param outcome the status code, or the simple name of the exception that ended it (timeout, refused connection)
 */
record RequestRecord(long startMs, String name, String outcome, long latencyMs, boolean ok) {

    /** The group is the last column, so scripts that read the first five keep working. */
    static final String CSV_HEADER = "start_ms,name,outcome,latency_ms,ok,group";

    long endMs() {
        return startMs + latencyMs;
    }

    String group() {
        return EndpointGroup.of(name);
    }

    String csvLine() {
        return startMs + "," + name + "," + outcome + "," + latencyMs + "," + ok + "," + group();
    }
}
