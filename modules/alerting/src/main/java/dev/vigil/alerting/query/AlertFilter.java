package dev.vigil.alerting.query;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.AlertStatus;
import dev.vigil.platform.paging.KeysetPosition;
import dev.vigil.platform.paging.PageFilters;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * Which of a user's alerts a list shows; every part is optional and an absent one filters nothing.
 *
 * @param status only alerts in this status
 * @param severities only alerts of any of these severities; empty for all
 * @param category only alerts of this category
 * @param from only alerts created at or after this instant. Rounded up to whole microseconds, the precision of
 *        {@code created_at}, which matches exactly the same rows
 * @param to only alerts created before this instant (exclusive); rounded up like {@code from}
 */
public record AlertFilter(
        @Nullable AlertStatus status,
        Set<AlertSeverity> severities,
        @Nullable AlertCategory category,
        @Nullable Instant from,
        @Nullable Instant to) {

    /** The earliest {@code from} or {@code to} accepted, and the lower bound a list without {@code from} binds. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest {@code from} or {@code to} accepted: the last microsecond PostgreSQL and the cursor share. */
    public static final Instant LATEST = KeysetPosition.START.createdAt();
    /** Every alert. */
    public static final AlertFilter NONE = new AlertFilter(null, Set.of(), null, null, null);

    /** Sorts before no row id, so {@code (created_at, alert_id) < (to, ZERO_ID)} means {@code created_at < to}. */
    private static final UUID ZERO_ID = new UUID(0L, 0L);

    public AlertFilter {
        Objects.requireNonNull(severities, "severities");
        severities = severities.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(severities));
        from = roundedUp(from, "from");
        to = roundedUp(to, "to");
        // equal once rounded is an empty range (from and to within one microsecond): allowed, it matches nothing
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " must not be before from " + from);
        }
    }

    /** Whether {@code instant} can be a bound, once rounded up to microseconds. */
    public static boolean isInRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /** The filters as a cursor is bound to them and a cached page is keyed by, named like the query parameters. */
    public PageFilters pageFilters() {
        return PageFilters.builder()
                .with("status", status)
                .with("severity", severities)
                .with("category", category)
                .with("from", from)
                .with("to", to)
                .build();
    }

    /** The lower bound on {@code created_at} a statement binds: {@code from}, or one before every row. */
    Instant createdFrom() {
        return from == null ? EARLIEST : from;
    }

    /**
     * The position a page's rows must all sort after: the cursor's, or {@code to} where that comes later in feed
     * order. Folding {@code to} into the keyset bound leaves each statement one upper bound on its index range.
     */
    KeysetPosition upperBound(KeysetPosition after) {
        if (to == null) {
            return after;
        }
        KeysetPosition beforeTo = new KeysetPosition(to, ZERO_ID);
        return KeysetPosition.NEWEST_FIRST.compare(beforeTo, after) > 0 ? beforeTo : after;
    }

    @Nullable
    private static Instant roundedUp(@Nullable Instant instant, String name) {
        if (instant == null) {
            return null;
        }
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        Instant rounded = micros.equals(instant) ? instant : micros.plus(1, ChronoUnit.MICROS);
        if (!isInRange(rounded)) {
            throw new IllegalArgumentException(name + " " + instant + " is not between " + EARLIEST + " and " + LATEST);
        }
        return rounded;
    }
}
