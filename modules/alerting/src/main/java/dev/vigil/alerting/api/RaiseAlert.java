package dev.vigil.alerting.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Raise an alert for a user (sent by alerting's own policy). The sender chooses the id (UUIDv7).
 * {@code exposureId} and {@code sourceName} are given for exposure alerts and null otherwise.
 */
public record RaiseAlert(@TargetAggregateIdentifier UUID alertId, UUID userId, AlertCategory category,
        AlertSeverity severity, String title, UUID exposureId, String sourceName) {
}
