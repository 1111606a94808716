package dev.vigil.billing.api;

import java.util.UUID;

/**
 * The identifier of a user's subscription aggregate: {@code "subscription-" + userId}. Prefixed because the
 * event store's unique key spans all aggregate types and identity's User already uses the bare user id.
 */
public record SubscriptionId(UUID userId) {

    private static final String PREFIX = "subscription-";

    public static String of(UUID userId) {
        return new SubscriptionId(userId).toString();
    }

    @Override
    public String toString() {
        return PREFIX + userId;
    }
}
