/**
 * Alerts and their rules: the {@code Alert} and {@code AlertInbox} aggregates and the policy that raises alerts
 * from monitoring's and billing's events. No Spring, no JDBC: locks, claims and history are ports implemented in
 * {@code command}.
 */
package dev.vigil.alerting.domain;
