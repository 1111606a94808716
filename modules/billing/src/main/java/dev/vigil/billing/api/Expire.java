package dev.vigil.billing.api;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Let a subscription whose period has ended lapse. Sent by billing's lifecycle job; before the period end,
 * or when already expired, it changes nothing.
 */
public record Expire(UUID userId) {

    public Expire {
        Objects.requireNonNull(userId, "userId");
    }

    @TargetAggregateIdentifier
    public String subscriptionId() {
        return SubscriptionId.of(userId);
    }
}
