/**
 * alerting: alerts raised from monitoring and billing events, what the user does with them, and the API that
 * lists them. Publishes its events in {@code api}; owns the {@code alerting} schema and the
 * {@code alerting.alerts} cache space. Depends on the platform and on other modules' {@code api} events.
 */
package dev.vigil.alerting;
