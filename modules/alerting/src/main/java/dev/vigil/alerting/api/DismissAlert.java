package dev.vigil.alerting.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The user dismissed one of their alerts. An alert of another user is treated as missing. */
public record DismissAlert(@TargetAggregateIdentifier UUID alertId, UUID userId) {
}
