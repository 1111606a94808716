/**
 * monitoring: exposures found by scans, deduplicated per user, and their removal. Publishes its commands
 * and events in {@code api}; owns the {@code monitoring} schema (known users, fingerprint claims,
 * {@code exposure_feed}) and serves the caller's exposures through {@code query} (cached per user).
 * Depends on the platform and on identity's {@code api} ({@code UserRegistered}).
 */
package dev.vigil.monitoring;
