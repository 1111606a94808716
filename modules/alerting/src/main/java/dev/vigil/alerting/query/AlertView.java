package dev.vigil.alerting.query;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.AlertStatus;
import java.time.Instant;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * One alert as the alert list and {@code GET /api/v1/alerts/{alertId}} show it.
 *
 * @param exposureId the exposure an exposure alert is about; null for billing alerts
 * @param sourceName where that exposure was found; null for billing alerts
 * @param createdAt when the alert was raised; the list is ordered by it, newest first
 */
public record AlertView(
        UUID alertId,
        AlertCategory category,
        AlertSeverity severity,
        AlertStatus status,
        String title,
        @Nullable UUID exposureId,
        @Nullable String sourceName,
        Instant createdAt,
        @Nullable Instant readAt,
        @Nullable Instant dismissedAt) {
}
