package dev.vigil.seeder;

import java.time.Instant;
import java.util.UUID;

/**
 * One generated event, as its aggregate would have applied it. The sequence number is given once the user's
 * history is in store order ({@link UserHistory}); {@code traceId} is the event that caused it (itself, or the
 * source event of an alert raised by alerting's policy).
 */
record SeedEvent(String aggregateType, String aggregateId, UUID eventId, UUID traceId, Instant at, Object payload,
        long sequence) {

    static SeedEvent of(String aggregateType, String aggregateId, UUID eventId, Instant at, Object payload) {
        return new SeedEvent(aggregateType, aggregateId, eventId, eventId, at, payload, -1);
    }

    SeedEvent causedBy(SeedEvent source) {
        return new SeedEvent(aggregateType, aggregateId, eventId, source.eventId(), at, payload, sequence);
    }

    SeedEvent withSequence(long sequence) {
        return new SeedEvent(aggregateType, aggregateId, eventId, traceId, at, payload, sequence);
    }
}
