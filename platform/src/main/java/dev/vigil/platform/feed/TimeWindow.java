package dev.vigil.platform.feed;

import dev.vigil.platform.paging.KeysetPosition;
import dev.vigil.platform.web.FieldError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * The time filter every feed offers on its rows' creation: {@code from} (inclusive) and {@code to} (exclusive),
 * ISO-8601 instants with an offset ({@code 2026-11-01T00:00:00Z} or {@code ...+02:00}), each optional.
 * <p>
 * Rules, checked once, here: each bound lies within {@link #EARLIEST}..{@link #LATEST}, and {@code to} is after
 * {@code from}. Bounds are rounded up to whole microseconds, the precision of {@code created_at}: for such a
 * column {@code created_at >= t} and {@code created_at < t} select the same rows with {@code t} rounded up, so the
 * database's own rounding (to the nearest) can never move a row across a bound. Two bounds within one microsecond
 * are an empty window, not an error.
 */
public final class TimeWindow {

    public static final String FROM = "from";
    public static final String TO = "to";
    /** The earliest bound accepted, and the lower bound a window without {@code from} binds. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest bound accepted: the last microsecond PostgreSQL and the cursor share. */
    public static final Instant LATEST = KeysetPosition.START.createdAt();
    /** No bound: every row. */
    public static final TimeWindow ALL = new TimeWindow(null, null);

    /** Sorts before every row id, so {@code (created_at, id) < (to, ZERO_ID)} means {@code created_at < to}. */
    private static final UUID ZERO_ID = new UUID(0L, 0L);

    @Nullable
    private final Instant from;
    @Nullable
    private final Instant to;

    private TimeWindow(@Nullable Instant from, @Nullable Instant to) {
        this.from = from;
        this.to = to;
    }

    /**
     * The window between two instants, for callers other than a request.
     *
     * @throws IllegalArgumentException when a bound is out of range or {@code to} is not after {@code from}
     */
    public static TimeWindow between(@Nullable Instant from, @Nullable Instant to) {
        List<FieldError> errors = new ArrayList<>();
        TimeWindow window = checked(from, to, errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.toString());
        }
        return window;
    }

    /** The window the two parameters ask for; a wrong one is recorded in {@code errors}, naming it. */
    static TimeWindow parse(@Nullable String from, @Nullable String to, List<FieldError> errors) {
        int before = errors.size();
        Instant parsedFrom = instant(FROM, from, errors);
        Instant parsedTo = instant(TO, to, errors);
        return errors.size() > before ? ALL : checked(parsedFrom, parsedTo, errors);
    }

    @Nullable
    public Instant from() {
        return from;
    }

    @Nullable
    public Instant to() {
        return to;
    }

    /** The lower bound a statement binds: {@code from}, or one before every row. */
    Instant lowerBound() {
        return from == null ? EARLIEST : from;
    }

    /**
     * The position a page's rows must all sort after: {@code after}, or {@code to} where that comes later in feed
     * order. Folding {@code to} into the keyset bound leaves each statement one upper bound on its index range.
     */
    KeysetPosition upperBound(KeysetPosition after) {
        if (to == null) {
            return after;
        }
        KeysetPosition beforeTo = new KeysetPosition(to, ZERO_ID);
        return KeysetPosition.NEWEST_FIRST.compare(beforeTo, after) > 0 ? beforeTo : after;
    }

    private static TimeWindow checked(@Nullable Instant from, @Nullable Instant to, List<FieldError> errors) {
        Instant roundedFrom = roundedUp(FROM, from, errors);
        Instant roundedTo = roundedUp(TO, to, errors);
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(new FieldError(TO, "must be after " + FROM));
        }
        return new TimeWindow(roundedFrom, roundedTo);
    }

    @Nullable
    private static Instant roundedUp(String name, @Nullable Instant instant, List<FieldError> errors) {
        if (instant == null) {
            return null;
        }
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        Instant rounded = micros.equals(instant) ? instant : micros.plus(1, ChronoUnit.MICROS);
        if (rounded.isBefore(EARLIEST) || rounded.isAfter(LATEST)) {
            errors.add(new FieldError(name, "must be between " + EARLIEST + " and " + LATEST));
            return null;
        }
        return rounded;
    }

    @Nullable
    private static Instant instant(String name, @Nullable String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 instant with an offset, such as 2026-11-01T00:00:00Z"));
            return null;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeWindow window && Objects.equals(from, window.from) && Objects.equals(to, window.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to);
    }

    @Override
    public String toString() {
        return "[" + (from == null ? "" : from) + ", " + (to == null ? "" : to) + ")";
    }
}
