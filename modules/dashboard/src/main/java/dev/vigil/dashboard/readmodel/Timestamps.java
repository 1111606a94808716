package dev.vigil.dashboard.readmodel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Event times as JDBC binds them to {@code timestamptz}. */
final class Timestamps {

    private Timestamps() {
    }

    /** {@code instant} in UTC, or null for null (a column the event leaves alone). */
    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
