package dev.vigil.monitoring.api;

import java.time.Instant;
import java.util.UUID;

/** A REMOVED exposure was found again: it is ACTIVE again. */
public record ExposureReappeared(UUID exposureId, UUID userId, String sourceName, Severity severity, Instant foundAt,
        Instant reappearedAt) {
}
