/**
 * dashboard's read model: {@code dashboard.dashboard_summary}, one row per user, with the per-item state
 * tables its counters are derived from ({@code exposure_state}, {@code alert_state}), all built by the
 * {@code dashboard-summary} processing group.
 */
package dev.vigil.dashboard.readmodel;
