package dev.vigil.billing.api;

import java.time.Instant;
import java.util.UUID;

/** A user's subscription started: as a trial (status TRIALING) or paid (ACTIVE). */
public record SubscriptionStarted(UUID userId, Plan plan, boolean trial, Instant currentPeriodEnd, Instant startedAt) {
}
