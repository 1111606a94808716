package dev.vigil.billing.web;

import dev.vigil.billing.api.SubscriptionId;
import java.util.UUID;

/**
 * What every billing command endpoint answers: which subscription it acted on, and whose.
 */
record SubscriptionReference(String subscriptionId, UUID userId) {

    static SubscriptionReference of(UUID userId) {
        return new SubscriptionReference(SubscriptionId.of(userId), userId);
    }
}
