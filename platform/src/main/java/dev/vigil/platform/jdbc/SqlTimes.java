package dev.vigil.platform.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.lang.Nullable;

/**
 * Instants to and from {@code timestamptz} columns: bound as UTC {@link OffsetDateTime} (what pgjdbc maps
 * to {@code timestamptz} without consulting the JVM's zone), read back as {@link Instant}. Null stays null.
 */
public final class SqlTimes {

    private SqlTimes() {
    }

    @Nullable
    public static OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Nullable
    public static Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
