package dev.vigil.alerting.api;

import java.time.Instant;
import java.util.UUID;

/** The user dismissed one alert. */
public record AlertDismissed(UUID alertId, UUID userId, Instant dismissedAt) {
}
