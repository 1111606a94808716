package dev.vigil.monitoring.domain;

import java.util.UUID;

/**
 * No such exposure, as far as the caller may know: it does not exist, or it belongs to another user.
 * Both cases are reported the same way, so an id never reveals whether someone else's exposure exists.
 */
public class ExposureNotFound extends MonitoringRejection {

    private final UUID exposureId;

    public ExposureNotFound(UUID exposureId) {
        super("exposure " + exposureId + " not found");
        this.exposureId = exposureId;
    }

    public UUID exposureId() {
        return exposureId;
    }
}
