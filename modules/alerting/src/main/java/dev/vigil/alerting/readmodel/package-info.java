/**
 * alerting's read model: {@code alerting.alert_feed}, one row per alert, built by the
 * {@code alerting-alert-feed} processing group, which also invalidates the cached reads of it
 * ({@code alerting.alerts}, {@link dev.vigil.alerting.query.AlertingCaches#ALERTS}).
 */
package dev.vigil.alerting.readmodel;
