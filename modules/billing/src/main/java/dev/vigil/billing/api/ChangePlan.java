package dev.vigil.billing.api;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a live subscription to another plan; the same plan again changes nothing. */
public record ChangePlan(UUID userId, Plan plan) {

    public ChangePlan {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(plan, "plan");
    }

    @TargetAggregateIdentifier
    public String subscriptionId() {
        return SubscriptionId.of(userId);
    }
}
