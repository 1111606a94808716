package dev.vigil.monitoring.web;

import dev.vigil.monitoring.domain.Exposure;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /internal/v1/monitoring/exposures/{id}/removal-failure}. */
record FailRemovalRequest(@NotBlank @Size(max = Exposure.MAX_REASON_LENGTH) String reason) {

    FailRemovalRequest {
        reason = reason == null ? null : reason.strip();
    }
}
