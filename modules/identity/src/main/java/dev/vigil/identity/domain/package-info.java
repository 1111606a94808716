/**
 * The user aggregate and its rules. No Spring, no JDBC: the email registry is a port implemented elsewhere.
 */
package dev.vigil.identity.domain;
