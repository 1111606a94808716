package dev.vigil.monitoring.api;

import java.time.Instant;
import java.util.UUID;

/** The source removed the data (status REMOVED). */
public record RemovalConfirmed(UUID exposureId, UUID userId, Instant removedAt) {
}
