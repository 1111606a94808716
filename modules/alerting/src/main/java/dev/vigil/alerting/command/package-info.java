/**
 * Adapters the command side needs besides the event store: the per-user alert lock, the mark-all history and
 * the source-event claims, on PostgreSQL, inside the command's (or the policy's) transaction.
 */
package dev.vigil.alerting.command;
