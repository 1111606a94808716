package dev.vigil.billing.web;

import dev.vigil.platform.input.StorableInstant;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * Body of {@code POST /internal/v1/billing/users/{userId}/renewals}: the end of the period the provider
 * collected, as an ISO-8601 instant ({@code 2026-12-27T10:00:00Z}) within the platform's instant policy
 * (docs/api-conventions.md).
 */
record RenewalRequest(@NotNull @StorableInstant Instant periodEnd) {
}
