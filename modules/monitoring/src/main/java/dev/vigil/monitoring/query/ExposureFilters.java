package dev.vigil.monitoring.query;

import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.platform.paging.PageFilters;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.lang.Nullable;

/**
 * What a list of exposures is filtered by. Every filter is optional; they combine with AND.
 *
 * @param status only exposures in this status
 * @param severities only exposures of one of these severities; empty for every severity
 * @param sourceKind only exposures found on this kind of source
 * @param from only exposures created at or after this instant (inclusive)
 * @param to only exposures created before this instant (exclusive); a {@code to} not after {@code from} matches
 *        nothing
 */
public record ExposureFilters(
        @Nullable ExposureStatus status,
        Set<Severity> severities,
        @Nullable SourceKind sourceKind,
        @Nullable Instant from,
        @Nullable Instant to) {

    public static final ExposureFilters NONE = new ExposureFilters(null, Set.of(), null, null, null);

    /** The earliest {@code from} or {@code to} accepted: PostgreSQL's timestamps go further, the product need not. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest {@code from} or {@code to} accepted. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * Instants are rounded up to the microsecond, the precision of {@code created_at}: for a column holding whole
     * microseconds, {@code created_at >= t} and {@code created_at < t} mean the same with {@code t} rounded up, so
     * the database's own rounding (to the nearest) can never move a row across a bound.
     */
    public ExposureFilters {
        severities = severities.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(severities));
        from = from == null ? null : upToMicros(checkRange("from", from));
        to = to == null ? null : upToMicros(checkRange("to", to));
    }

    /** Whether {@code instant} can be a {@code from} or {@code to}. */
    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /** The canonical form a cursor is bound to and the first page's cache entry is keyed by. */
    PageFilters pageFilters() {
        return PageFilters.builder()
                .with("status", status)
                .with("severity", severities)
                .with("sourceKind", sourceKind)
                .with("from", from)
                .with("to", to)
                .build();
    }

    private static Instant checkRange(String name, Instant instant) {
        if (!inRange(instant)) {
            throw new IllegalArgumentException(name + " " + instant + " is outside " + EARLIEST + ".." + LATEST);
        }
        return instant;
    }

    private static Instant upToMicros(Instant instant) {
        Instant down = instant.truncatedTo(ChronoUnit.MICROS);
        return down.equals(instant) ? instant : down.plus(1, ChronoUnit.MICROS);
    }
}
