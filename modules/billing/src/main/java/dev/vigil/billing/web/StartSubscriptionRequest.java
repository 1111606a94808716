package dev.vigil.billing.web;

import dev.vigil.billing.api.Plan;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /api/v1/subscription}. Both fields are required: a trial is never assumed.
 */
record StartSubscriptionRequest(@NotNull Plan plan, @NotNull Boolean trial) {
}
