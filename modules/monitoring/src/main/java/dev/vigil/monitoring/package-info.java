/**
 * monitoring: exposures found by scans, and removal requests. Publishes its events in {@code api}; owns
 * the {@code monitoring} schema. Depends only on the platform.
 */
package dev.vigil.monitoring;
