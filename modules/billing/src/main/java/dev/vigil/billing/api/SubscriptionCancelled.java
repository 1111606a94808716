package dev.vigil.billing.api;

import java.time.Instant;
import java.util.UUID;

/** The user cancelled: the subscription stays usable until {@code activeUntil}, then expires. */
public record SubscriptionCancelled(UUID userId, Plan plan, Instant activeUntil, Instant cancelledAt) {
}
