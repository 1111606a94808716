/**
 * billing's read model: {@code billing.subscription_view}, one row per user, built by the
 * {@code billing-subscription} processing group.
 */
package dev.vigil.billing.readmodel;
