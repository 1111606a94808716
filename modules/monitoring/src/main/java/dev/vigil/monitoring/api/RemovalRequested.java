package dev.vigil.monitoring.api;

import java.time.Instant;
import java.util.UUID;

/** The user asked for the exposure to be removed from its source (status REMOVAL_REQUESTED). */
public record RemovalRequested(UUID exposureId, UUID userId, Instant requestedAt) {
}
