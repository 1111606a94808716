package dev.vigil.identity.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a user's display name and time zone. */
public record UpdateProfile(@TargetAggregateIdentifier UUID userId, String displayName, String timeZone) {
}
