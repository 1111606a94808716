package dev.vigil.monitoring.query;

import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * One exposure as {@code GET /api/v1/exposures} lists it and {@code GET /api/v1/exposures/{id}} shows it: the
 * whole row, so the list needs no second read to open one.
 *
 * @param createdAt when it was first detected; the list is ordered by it (newest first) and {@code from}/{@code to}
 *        filter on it
 * @param foundAt when the scan last found it (detection or reappearance)
 * @param removalRequestedAt the current removal cycle's request; a reappearance clears it
 * @param lastFailureReason why the last removal failed, kept until the exposure reappears
 */
public record ExposureView(
        UUID exposureId,
        String sourceName,
        SourceKind sourceKind,
        List<DataType> dataTypes,
        Severity severity,
        ExposureStatus status,
        Instant foundAt,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant removalRequestedAt,
        @Nullable Instant removedAt,
        int reappearedCount,
        @Nullable String lastFailureReason) {

    public ExposureView {
        dataTypes = List.copyOf(dataTypes);
    }
}
