package dev.vigil.billing.domain;

import dev.vigil.billing.api.SubscriptionStatus;
import java.util.UUID;

/**
 * The user already has a subscription that has not expired; change or cancel it instead.
 */
public class SubscriptionAlreadyStarted extends RuntimeException {

    private final SubscriptionStatus status;

    public SubscriptionAlreadyStarted(UUID userId, SubscriptionStatus status) {
        super("user " + userId + " already has a " + status + " subscription");
        this.status = status;
    }

    public SubscriptionStatus status() {
        return status;
    }
}
