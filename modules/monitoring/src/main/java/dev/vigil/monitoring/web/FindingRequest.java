package dev.vigil.monitoring.web;

import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.ReportFinding;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.monitoring.domain.Finding;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One finding of a scan-ingestion batch. The constraints are the domain's ({@link Finding}), so a batch that
 * passes them cannot be refused half-way through by the aggregate.
 */
record FindingRequest(
        @NotBlank @Size(max = Finding.MAX_SOURCE_NAME_LENGTH) String sourceName,
        @NotNull SourceKind sourceKind,
        @NotEmpty List<@NotNull DataType> dataTypes,
        @NotNull Severity severity,
        @NotNull Instant foundAt) {

    FindingRequest {
        sourceName = sourceName == null ? null : sourceName.strip();
    }

    ReportFinding toCommand(UUID userId, UUID newExposureId) {
        return new ReportFinding(userId, newExposureId, sourceName, sourceKind, dataTypes, severity, foundAt);
    }
}
