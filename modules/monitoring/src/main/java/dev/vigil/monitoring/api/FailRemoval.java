package dev.vigil.monitoring.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The removal service reports that the source refused or did not act on a pending removal request.
 * Handled result: the exposure's status afterwards.
 */
public record FailRemoval(@TargetAggregateIdentifier UUID exposureId, String reason) {
}
