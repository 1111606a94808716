package dev.vigil.platform.axon;

import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;

/**
 * The last stored event of the aggregate a command targets ({@code @TargetAggregateIdentifier}). A command that
 * changed nothing may have found its change already made by another caller a moment earlier, which the read models
 * may not have applied yet: its caller waits for this event as for its own (two statements, by the store's
 * aggregate index). Empty for a command without a target aggregate (one that creates its aggregate, or one handled
 * outside an aggregate) and for a target without events.
 */
final class TargetsLastEvent {

    private final EventStore eventStore;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    TargetsLastEvent(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    Optional<DomainEventMessage<?>> of(Object command) {
        String aggregateId;
        try {
            aggregateId = targets.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return Optional.empty();
        }
        return eventStore.lastSequenceNumberFor(aggregateId).flatMap(last -> {
            // from the storage engine, never a snapshot: a snapshot is no event a processor applies
            DomainEventStream events = eventStore.readEvents(aggregateId, last);
            return events.hasNext() ? Optional.of(events.next()) : Optional.empty();
        });
    }
}
