package dev.vigil.billing.web;

import dev.vigil.billing.api.Plan;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code PUT /api/v1/subscription/plan}.
 */
record ChangePlanRequest(@NotNull Plan plan) {
}
