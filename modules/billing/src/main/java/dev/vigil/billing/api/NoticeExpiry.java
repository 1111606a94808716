package dev.vigil.billing.api;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Tell the user, once per period, that a subscription which will not renew by itself (cancelled, past due,
 * or a trial) is about to lapse. Sent by billing's lifecycle job; any other time it changes nothing.
 */
public record NoticeExpiry(UUID userId) {

    public NoticeExpiry {
        Objects.requireNonNull(userId, "userId");
    }

    @TargetAggregateIdentifier
    public String subscriptionId() {
        return SubscriptionId.of(userId);
    }
}
