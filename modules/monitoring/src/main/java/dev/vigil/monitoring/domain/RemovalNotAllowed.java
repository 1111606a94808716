package dev.vigil.monitoring.domain;

import dev.vigil.monitoring.api.ExposureStatus;
import java.util.UUID;

/** The removal step asked for does not follow from the exposure's current status. */
public class RemovalNotAllowed extends MonitoringRejection {

    private final ExposureStatus status;

    public RemovalNotAllowed(UUID exposureId, String step, ExposureStatus status) {
        super("cannot " + step + " exposure " + exposureId + " while it is " + status);
        this.status = status;
    }

    public ExposureStatus status() {
        return status;
    }
}
