/**
 * alerting's read model: {@code alerting.alert_feed}, one row per alert, built by the
 * {@code alerting-alert-feed} processing group.
 */
package dev.vigil.alerting.readmodel;
