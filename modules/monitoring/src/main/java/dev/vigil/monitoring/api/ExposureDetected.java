package dev.vigil.monitoring.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A scan found the user's data somewhere not seen before (status ACTIVE). {@code dataTypes} is sorted and
 * free of duplicates. {@code sourceName} keeps the platform's text policy and is at most
 * {@link #MAX_SOURCE_NAME_LENGTH} characters (code points), {@code foundAt} its instant policy.
 */
public record ExposureDetected(UUID exposureId, UUID userId, String sourceName, SourceKind sourceKind,
        List<DataType> dataTypes, Severity severity, Instant foundAt, Instant detectedAt) {

    /** The longest source name an exposure carries (the width of {@code monitoring.exposure_feed.source_name}). */
    public static final int MAX_SOURCE_NAME_LENGTH = 200;
}
