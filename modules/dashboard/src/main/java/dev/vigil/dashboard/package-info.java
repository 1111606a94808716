/**
 * dashboard: read-only; one summary row per user ({@code dashboard.dashboard_summary}), fed by every module's
 * events through the {@code dashboard-summary} processing group. Owns the {@code dashboard} schema; publishes
 * nothing yet. Depends on the platform and on the events in identity's, billing's, monitoring's and
 * alerting's {@code api} packages.
 */
package dev.vigil.dashboard;
