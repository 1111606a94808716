package dev.vigil.monitoring.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The removal service reports that the source removed the data of a pending removal request. Confirming
 * an exposure that is already REMOVED changes nothing. Handled result: the exposure's status afterwards.
 */
public record ConfirmRemoval(@TargetAggregateIdentifier UUID exposureId) {
}
