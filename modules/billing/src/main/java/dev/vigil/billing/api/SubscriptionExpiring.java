package dev.vigil.billing.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The subscription will lapse at {@code expiresAt} unless renewed (cancelled, past due or an unconverted
 * trial). Published once per period, some days ahead.
 */
public record SubscriptionExpiring(UUID userId, Plan plan, SubscriptionStatus status, Instant expiresAt,
        Instant noticedAt) {
}
