package dev.vigil.platform.paging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a row sits in a feed ordered by {@code (created_at DESC, id DESC)}; a page continues with the rows that
 * sort after it: {@code (created_at, id) < (:createdAt, :id)}.
 *
 * @param createdAt the row's {@code created_at}, at most microsecond precision as PostgreSQL stores it: a finer
 *        instant cannot have come from a row, and rounding it would skip or repeat rows
 * @param id the row's id, which breaks ties between rows created in the same microsecond
 */
public record KeysetPosition(Instant createdAt, UUID id) {

    /**
     * Sorts before every real row in feed order, so the first page binds this and runs the same statement, on
     * the same index range, as every later page.
     */
    public static final KeysetPosition START =
            new KeysetPosition(Instant.parse("9999-12-31T23:59:59.999999Z"), new UUID(-1L, -1L));

    /**
     * Feed order, {@code ORDER BY created_at DESC, id DESC}, with ids compared as PostgreSQL compares UUIDs
     * (unsigned, byte by byte), not as {@link UUID#compareTo} does (signed).
     */
    public static final Comparator<KeysetPosition> NEWEST_FIRST = Comparator.comparing(KeysetPosition::createdAt)
            .thenComparing(KeysetPosition::id, KeysetPosition::compareUnsigned)
            .reversed();

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final int NANOS_PER_MICRO = 1_000;

    public KeysetPosition {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
        if (createdAt.getNano() % NANOS_PER_MICRO != 0) {
            throw new IllegalArgumentException("createdAt " + createdAt
                    + " is finer than the microseconds PostgreSQL stores: take positions from the rows themselves");
        }
    }

    /** {@code createdAt} as the driver binds a {@code timestamptz} parameter. */
    public OffsetDateTime createdAtUtc() {
        return createdAt.atOffset(ZoneOffset.UTC);
    }

    private static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    long epochMicros() {
        return Math.addExact(Math.multiplyExact(createdAt.getEpochSecond(), MICROS_PER_SECOND),
                createdAt.getNano() / NANOS_PER_MICRO);
    }

    static KeysetPosition ofEpochMicros(long epochMicros, UUID id) {
        Instant createdAt = Instant.ofEpochSecond(Math.floorDiv(epochMicros, MICROS_PER_SECOND),
                Math.floorMod(epochMicros, MICROS_PER_SECOND) * NANOS_PER_MICRO);
        return new KeysetPosition(createdAt, id);
    }
}
