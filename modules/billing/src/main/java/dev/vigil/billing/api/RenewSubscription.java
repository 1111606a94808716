package dev.vigil.billing.api;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The payment provider collected a period ending at {@code periodEnd}. A renewal that does not move the
 * period end forward (a redelivered or out-of-order webhook) changes nothing.
 */
public record RenewSubscription(UUID userId, Instant periodEnd) {

    public RenewSubscription {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(periodEnd, "periodEnd");
    }

    @TargetAggregateIdentifier
    public String subscriptionId() {
        return SubscriptionId.of(userId);
    }
}
