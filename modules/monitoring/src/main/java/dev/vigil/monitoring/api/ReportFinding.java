package dev.vigil.monitoring.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A scan found the user's data on a source. If the same finding (same source name, ignoring case and
 * surrounding space, same kind, same data types) is already known for the user, it is that exposure again;
 * otherwise a new exposure is created with {@code newExposureId} (a UUIDv7 the caller chooses).
 */
public record ReportFinding(UUID userId, UUID newExposureId, String sourceName, SourceKind sourceKind,
        List<DataType> dataTypes, Severity severity, Instant foundAt) {
}
