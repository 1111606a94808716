/**
 * The exposure aggregate, finding deduplication and the removal rules. No Spring, no JDBC: fingerprint
 * claims and known users are ports implemented in {@code command}.
 */
package dev.vigil.monitoring.domain;
