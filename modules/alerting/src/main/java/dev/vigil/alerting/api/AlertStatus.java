package dev.vigil.alerting.api;

/** Where an alert stands for its user. DISMISSED is final. */
public enum AlertStatus {
    UNREAD, READ, DISMISSED
}
