/**
 * The subscription lifecycle job: finds lapsing and ended subscriptions in {@code billing.subscription_view}
 * and sends {@code NoticeExpiry} and {@code Expire} for them.
 */
package dev.vigil.billing.lifecycle;
