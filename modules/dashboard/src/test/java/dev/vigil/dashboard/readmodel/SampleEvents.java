package dev.vigil.dashboard.readmodel;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertRaised;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events with many fields, filled in where the dashboard does not read them. */
final class SampleEvents {

    private SampleEvents() {
    }

    static ExposureDetected detected(UUID user, UUID exposure, Severity severity, Instant at) {
        return new ExposureDetected(exposure, user, "PeopleFinder", SourceKind.PEOPLE_SEARCH,
                List.of(DataType.EMAIL, DataType.PHONE), severity, at.minusSeconds(60), at);
    }

    /** An alert; {@code exposure} null for one that is about no exposure (payment, subscription). */
    static AlertRaised raised(UUID user, UUID alert, AlertCategory category, UUID exposure, Instant at) {
        return new AlertRaised(alert, user, category, AlertSeverity.HIGH, "Something needs you", exposure,
                exposure == null ? null : "PeopleFinder", at);
    }
}
