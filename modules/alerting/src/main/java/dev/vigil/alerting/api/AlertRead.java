package dev.vigil.alerting.api;

import java.time.Instant;
import java.util.UUID;

/** The user read one alert. */
public record AlertRead(UUID alertId, UUID userId, Instant readAt) {
}
