package dev.vigil.monitoring.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A scan found the user's data somewhere not seen before (status ACTIVE). {@code dataTypes} is sorted and
 * free of duplicates.
 */
public record ExposureDetected(UUID exposureId, UUID userId, String sourceName, SourceKind sourceKind,
        List<DataType> dataTypes, Severity severity, Instant foundAt, Instant detectedAt) {
}
