/**
 * billing: a user's subscription (plan, trial or paid, period, payment state). Publishes its events in
 * {@code api}; owns the {@code billing} schema. Depends only on the platform.
 */
package dev.vigil.billing;
