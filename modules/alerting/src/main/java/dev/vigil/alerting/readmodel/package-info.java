/**
 * alerting's read model: {@code alerting.alert_feed}, one row per alert, and {@code alerting.alert_inbox_version},
 * the guard of "mark all read", built by the {@code alerting-alert-feed} processing group, whose events also
 * invalidate the cached reads of it ({@code alerting.alerts}, {@link dev.vigil.alerting.query.AlertingCaches#ALERTS}).
 */
package dev.vigil.alerting.readmodel;
