package dev.vigil.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

class PerUserSequencingPolicyTests {

    public record SomethingHappened(UUID somethingId, UUID userId) {
    }

    public record NoUser(UUID somethingId) {
    }

    private final PerUserSequencingPolicy policy = new PerUserSequencingPolicy();

    @Test
    void eventsOfOneUserShareASequenceWhateverTheirAggregate() {
        UUID user = UUID.randomUUID();
        Object first = policy.getSequenceIdentifierFor(event("a-1", new SomethingHappened(UUID.randomUUID(), user)));
        Object second = policy.getSequenceIdentifierFor(event("b-2", new SomethingHappened(UUID.randomUUID(), user)));
        assertThat(first).isEqualTo(second).isEqualTo(user);
    }

    @Test
    void eventsWithoutAUserAreSequencedByTheirAggregate() {
        assertThat(policy.getSequenceIdentifierFor(event("aggregate-7", new NoUser(UUID.randomUUID()))))
                .isEqualTo("aggregate-7");
    }

    private static GenericDomainEventMessage<Object> event(String aggregateId, Object payload) {
        return new GenericDomainEventMessage<>("Test", aggregateId, 0, payload);
    }
}
