package dev.vigil.alerting.domain;

import java.util.UUID;

/**
 * Which source events have raised an alert. A claim is written in the same transaction as the alert it raises,
 * so redelivered or replayed events raise nothing twice, and a failed raise leaves no claim behind.
 */
public interface SourceEventClaims {

    /**
     * Claims {@code sourceEventId} for the alert {@code alertId}.
     *
     * @return true if this call claimed it, false if an alert was raised for it before
     */
    boolean claim(String sourceEventId, UUID alertId);
}
