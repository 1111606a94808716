package dev.vigil.monitoring.web;

import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.ReportFinding;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.monitoring.domain.Finding;
import dev.vigil.platform.input.SafeText;
import dev.vigil.platform.input.StorableInstant;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One finding of a scan-ingestion batch. The constraints are the domain's ({@link Finding}: the platform's text and
 * instant policies), so a batch that passes them cannot be refused half-way through by the aggregate.
 */
record FindingRequest(
        @NotBlank @SafeText(max = Finding.MAX_SOURCE_NAME_LENGTH) String sourceName,
        @NotNull SourceKind sourceKind,
        @NotEmpty List<@NotNull DataType> dataTypes,
        @NotNull Severity severity,
        @NotNull @StorableInstant Instant foundAt) {

    FindingRequest {
        sourceName = sourceName == null ? null : sourceName.strip();
    }

    ReportFinding toCommand(UUID userId, UUID newExposureId) {
        return new ReportFinding(userId, newExposureId, sourceName, sourceKind, dataTypes, severity, foundAt);
    }
}
