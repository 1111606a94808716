package dev.vigil.loadtest;

import java.util.UUID;

/**
 * A read-your-writes miss: the alert's read answered 2xx, yet the very next read of that alert did not show it read.
 *
 * @param startMs epoch milliseconds when the follow-up read was sent
 * @param statusSeen the alert status that read showed
 */
record StaleRead(long startMs, UUID userId, UUID alertId, String statusSeen) {

    static final String CSV_HEADER = "start_ms,user_id,alert_id,status_seen";

    String csvLine() {
        return startMs + "," + userId + "," + alertId + "," + statusSeen;
    }
}
