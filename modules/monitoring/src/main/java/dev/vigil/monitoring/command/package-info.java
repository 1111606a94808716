/**
 * Adapters the command side needs besides the event store: fingerprint claims and the known users (fed by
 * identity's {@code UserRegistered} through the {@code monitoring-known-users} processing group).
 */
package dev.vigil.monitoring.command;
