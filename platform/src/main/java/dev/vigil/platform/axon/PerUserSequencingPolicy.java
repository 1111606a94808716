package dev.vigil.platform.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Processes all events of one user in order, in one segment: read models keyed by user (the dashboard
 * row, a user's counters) are then written by one thread at a time, and events of different aggregates
 * of the same user (an alert and the exposure that raised it) keep their store order. An event with a
 * {@code UUID userId()} component ({@link EventUsers}) is sequenced by it, any other by its aggregate.
 */
final class PerUserSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private final SequentialPerAggregatePolicy fallback = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        return EventUsers.userIdOf(event.getPayload())
                .map(Object.class::cast)
                .orElseGet(() -> fallback.getSequenceIdentifierFor(event));
    }
}
