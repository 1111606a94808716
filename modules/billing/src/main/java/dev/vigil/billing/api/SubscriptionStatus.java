package dev.vigil.billing.api;

/**
 * Where a subscription stands. CANCELLED stays usable until its period ends, then it is EXPIRED.
 */
public enum SubscriptionStatus {
    TRIALING, ACTIVE, PAST_DUE, CANCELLED, EXPIRED
}
