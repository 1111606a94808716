/**
 * billing: a user's subscription (plan, trial or paid, period, payment state). Publishes its commands and
 * events in {@code api}; owns the {@code billing} schema ({@code known_user}, {@code subscription_view}).
 * Depends on the platform and on identity's {@code api} (it learns of users from {@code UserRegistered}).
 */
package dev.vigil.billing;
