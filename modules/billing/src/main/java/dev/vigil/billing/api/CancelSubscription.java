package dev.vigil.billing.api;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancel at period end; cancelling again changes nothing. */
public record CancelSubscription(UUID userId) {

    public CancelSubscription {
        Objects.requireNonNull(userId, "userId");
    }

    @TargetAggregateIdentifier
    public String subscriptionId() {
        return SubscriptionId.of(userId);
    }
}
