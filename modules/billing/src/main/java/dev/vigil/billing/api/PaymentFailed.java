package dev.vigil.billing.api;

import java.time.Instant;
import java.util.UUID;

/** Collecting a payment failed: the subscription is PAST_DUE until renewed, cancelled or expired. */
public record PaymentFailed(UUID userId, Plan plan, Instant currentPeriodEnd, String reason, Instant failedAt) {
}
