/**
 * alerting's read model: {@code alerting.alert_feed}, one row per alert, built by the
 * {@code alerting-alert-feed} processing group, which also invalidates the cached reads of it
 * ({@link dev.vigil.alerting.readmodel.AlertFeedCache}).
 */
package dev.vigil.alerting.readmodel;
