package dev.vigil.monitoring.api;

/** What a reported finding did. */
public enum FindingOutcome {
    /** Not known before: a new exposure (ExposureDetected). */
    CREATED,
    /** Already known and not removed: nothing changed. */
    DUPLICATE,
    /** Known and REMOVED: it is ACTIVE again (ExposureReappeared). */
    REAPPEARED
}
