/**
 * The subscription aggregate and its rules. No Spring, no JDBC: which users exist is a port
 * ({@link dev.vigil.billing.domain.KnownUsers}) implemented elsewhere.
 */
package dev.vigil.billing.domain;
