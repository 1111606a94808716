/**
 * alerting: alerts raised from monitoring and billing events, and what the user does with them. Publishes
 * its events in {@code api}; owns the {@code alerting} schema. Depends on the platform and on other
 * modules' {@code api} events.
 */
package dev.vigil.alerting;
