package dev.vigil.monitoring.web;

import dev.vigil.monitoring.domain.Exposure;
import dev.vigil.platform.input.SafeText;
import jakarta.validation.constraints.NotBlank;

/** Body of {@code POST /internal/v1/monitoring/exposures/{id}/removal-failure}, within the platform's text policy. */
record FailRemovalRequest(@NotBlank @SafeText(max = Exposure.MAX_REASON_LENGTH) String reason) {

    FailRemovalRequest {
        reason = reason == null ? null : reason.strip();
    }
}
