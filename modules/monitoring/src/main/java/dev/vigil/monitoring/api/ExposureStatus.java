package dev.vigil.monitoring.api;

/** Where an exposure stands. A REMOVED exposure that is found again becomes ACTIVE. */
public enum ExposureStatus {
    ACTIVE, REMOVAL_REQUESTED, REMOVED, REMOVAL_FAILED
}
