package dev.vigil.alerting.api;

/** How urgent an alert is, in ascending order. */
public enum AlertSeverity {
    LOW, MEDIUM, HIGH, CRITICAL
}
