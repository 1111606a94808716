package dev.vigil.monitoring.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The user asks for their exposure to be removed from its source. Asking again while a request is
 * pending changes nothing. Handled result: the exposure's status afterwards.
 */
public record RequestRemoval(@TargetAggregateIdentifier UUID exposureId, UUID userId) {
}
