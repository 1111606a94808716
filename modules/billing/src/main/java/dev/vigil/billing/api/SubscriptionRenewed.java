package dev.vigil.billing.api;

import java.time.Instant;
import java.util.UUID;

/** A period was paid for (status ACTIVE again, also after PAST_DUE or a trial). */
public record SubscriptionRenewed(UUID userId, Plan plan, Instant currentPeriodEnd, Instant renewedAt) {
}
