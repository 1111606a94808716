package dev.vigil.seeder;

import java.time.Duration;
import java.time.Instant;

/**
 * The two years the seeded history covers. Fixed rather than "now", so that a seed gives the same data on any
 * day; the service started later sees a history that stopped at {@link #END} (billing's lifecycle job then
 * expires the subscriptions whose period has ended since, as it would after an outage).
 */
final class History {

    static final Instant END = Instant.parse("2026-11-27T00:00:00Z");
    static final Instant START = END.minus(Duration.ofDays(730));

    private History() {
    }

    static boolean within(Instant at) {
        return !at.isAfter(END);
    }
}
