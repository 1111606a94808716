/**
 * monitoring's read model: {@code monitoring.exposure_feed}, one row per exposure, built by the
 * {@code monitoring-exposure-feed} processing group.
 */
package dev.vigil.monitoring.readmodel;
