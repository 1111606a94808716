/**
 * billing's HTTP endpoints: the caller's subscription under {@code /api/v1/subscription}, and the payment
 * provider's webhooks, relayed by the web app, under {@code /internal/v1/billing}.
 */
package dev.vigil.billing.web;
