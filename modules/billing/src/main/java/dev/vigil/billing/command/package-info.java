/**
 * What the command side needs besides the event store: the users billing knows of, learnt from identity's
 * {@code UserRegistered} (processing group {@code billing-known-users}) and kept in {@code billing.known_user}.
 */
package dev.vigil.billing.command;
