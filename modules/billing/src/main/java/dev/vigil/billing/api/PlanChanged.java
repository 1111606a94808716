package dev.vigil.billing.api;

import java.time.Instant;
import java.util.UUID;

/** The subscription moved to another plan; its status and period are unchanged. */
public record PlanChanged(UUID userId, Plan previousPlan, Plan plan, Instant changedAt) {
}
