package dev.vigil.billing.domain;

import dev.vigil.billing.api.SubscriptionStatus;

/**
 * The subscription's status does not allow the requested change (for example, a plan change after it expired).
 */
public class SubscriptionStatusConflict extends RuntimeException {

    private final SubscriptionStatus status;

    public SubscriptionStatusConflict(String action, SubscriptionStatus status) {
        super("cannot " + action + " a " + status + " subscription");
        this.status = status;
    }

    public SubscriptionStatus status() {
        return status;
    }
}
