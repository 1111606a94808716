/**
 * Adapters the command side needs besides the event store (the email registry on PostgreSQL).
 */
package dev.vigil.identity.command;
