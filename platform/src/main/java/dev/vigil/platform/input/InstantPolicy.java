package dev.vigil.platform.input;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The one rule for every instant a caller gives Vigil (when a scan found a listing, the end of a paid period):
 * between {@link #EARLIEST} and {@link #LATEST}, kept to the microsecond.
 * <ul>
 * <li>Java's {@link Instant} reaches a billion years either way, PostgreSQL's {@code timestamptz} 4713 BC to
 * 294276 AD, and the driver turns what lies beyond into {@code ±infinity}: an event holding such an instant could
 * never be projected.</li>
 * <li>{@link #EARLIEST}, the Unix epoch: nothing Vigil records happened before it, so an earlier instant is a
 * client's mistake (a zero, a date parsed in the wrong unit).</li>
 * <li>{@link #LATEST}, the last microsecond of year 9999: JSON carries instants as RFC 3339 date-times, whose year
 * has four digits, and it is the last instant a list cursor holds, so every stored instant sorts before it.</li>
 * <li>Microseconds: PostgreSQL keeps six fractional digits and rounds the rest; truncating first means the event
 * and the read row hold the same instant.</li>
 * </ul>
 */
public final class InstantPolicy {

    public static final Instant EARLIEST = Instant.EPOCH;
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private InstantPolicy() {
    }

    /**
     * The instant as it is stored (truncated to microseconds), when it is present and within range.
     *
     * @throws InvalidInput naming {@code field} otherwise
     */
    public static Instant require(String field, Instant value) {
        if (value == null) {
            throw new InvalidInput(field, "must not be null");
        }
        Optional<String> violation = violation(value);
        if (violation.isPresent()) {
            throw new InvalidInput(field, violation.get());
        }
        return value.truncatedTo(ChronoUnit.MICROS);
    }

    /** Why {@code value} is out of range, or empty when it is within. */
    public static Optional<String> violation(Instant value) {
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            return Optional.of("must be between " + EARLIEST + " and " + LATEST);
        }
        return Optional.empty();
    }
}
