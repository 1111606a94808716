package dev.vigil.billing.api;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The payment provider could not collect the current period; a second failure in that period changes nothing. */
public record RecordPaymentFailure(UUID userId, String reason) {

    public RecordPaymentFailure {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(reason, "reason");
    }

    @TargetAggregateIdentifier
    public String subscriptionId() {
        return SubscriptionId.of(userId);
    }
}
