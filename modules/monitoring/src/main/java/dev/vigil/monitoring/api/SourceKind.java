package dev.vigil.monitoring.api;

/** Where a user's data was found. */
public enum SourceKind {
    DATA_BROKER, BREACH, PASTE, PEOPLE_SEARCH
}
