package dev.vigil.alerting.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The system raised an alert for a user (status UNREAD). {@code exposureId} and {@code sourceName} are set
 * for exposure alerts and null otherwise, so a list row needs no join.
 */
public record AlertRaised(UUID alertId, UUID userId, AlertCategory category, AlertSeverity severity, String title,
        UUID exposureId, String sourceName, Instant raisedAt) {
}
