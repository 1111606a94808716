package dev.vigil.monitoring.api;

import java.time.Instant;
import java.util.UUID;

/** The source refused or did not act (status REMOVAL_FAILED; removal may be requested again). */
public record RemovalFailed(UUID exposureId, UUID userId, String reason, Instant failedAt) {
}
