package dev.vigil.loadtest;

import java.util.UUID;

/**
 * A write of a {@link FaultLoad} run and what it was answered, for the check that no answered write was lost and
 * none was stored twice: a write answered 2xx must exist exactly once afterwards, one whose answer was lost or
 * failed at most once.
 *
 * @param kind {@code finding} (key: its source name, new in every request) or {@code alert-read} (key: the alert id)
 * @param ok whether the write got its documented 2xx
 */
record WriteRecord(long startMs, String kind, String key, UUID userId, String outcome, boolean ok) {

    static final String FINDING = "finding";
    static final String ALERT_READ = "alert-read";

    static final String CSV_HEADER = "start_ms,kind,key,user_id,outcome,ok";

    String csvLine() {
        return startMs + "," + kind + "," + key + "," + userId + "," + outcome + "," + ok;
    }
}
