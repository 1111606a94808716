package dev.vigil.monitoring.web;

import dev.vigil.monitoring.api.ExposureStatus;
import java.util.UUID;

/** Answer of the removal endpoints: the exposure and where it stands now. */
record ExposureStatusResponse(UUID exposureId, ExposureStatus status) {
}
