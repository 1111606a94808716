package dev.vigil.monitoring.api;

/** How harmful an exposure is, in ascending order. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
