package dev.vigil.billing.query;

import dev.vigil.billing.api.Plan;
import dev.vigil.billing.api.SubscriptionStatus;
import java.time.Instant;
import java.util.UUID;

/** The caller's subscription as {@code GET /api/v1/me/subscription} shows it. */
public record SubscriptionView(UUID userId, Plan plan, SubscriptionStatus status, boolean trial,
        Instant currentPeriodEnd, Instant startedAt, Instant cancelledAt) {
}
