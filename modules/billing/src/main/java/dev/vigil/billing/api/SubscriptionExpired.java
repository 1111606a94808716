package dev.vigil.billing.api;

import java.time.Instant;
import java.util.UUID;

/** The subscription lapsed (status EXPIRED). A new subscription may be started afterwards. */
public record SubscriptionExpired(UUID userId, Plan plan, Instant expiredAt) {
}
