package dev.vigil.billing.api;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Start a user's subscription: a 14-day trial or a paid month. Allowed when the user has none or when the
 * previous one has EXPIRED.
 */
public record StartSubscription(UUID userId, Plan plan, boolean trial) {

    public StartSubscription {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(plan, "plan");
    }

    @TargetAggregateIdentifier
    public String subscriptionId() {
        return SubscriptionId.of(userId);
    }
}
