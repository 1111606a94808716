package dev.vigil.platform.axon;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Processes all events of one user in order, in one segment: read models keyed by user (the dashboard
 * row, a user's counters) are then written by one thread at a time, and events of different aggregates
 * of the same user (an alert and the exposure that raised it) keep their store order. Events are plain
 * records; one that has a {@code UUID userId()} component is sequenced by it, any other by its aggregate.
 */
final class PerUserSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private static final MethodType USER_ID = MethodType.methodType(UUID.class);

    private final SequentialPerAggregatePolicy fallback = SequentialPerAggregatePolicy.instance();
    private final ConcurrentMap<Class<?>, Optional<MethodHandle>> accessors = new ConcurrentHashMap<>();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        Optional<MethodHandle> accessor = accessors.computeIfAbsent(payload.getClass(), PerUserSequencingPolicy::userIdOf);
        if (accessor.isPresent()) {
            try {
                Object userId = accessor.get().invoke(payload);
                if (userId != null) {
                    return userId;
                }
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read userId of " + payload.getClass().getName(), e);
            }
        }
        return fallback.getSequenceIdentifierFor(event);
    }

    private static Optional<MethodHandle> userIdOf(Class<?> type) {
        if (!type.isRecord()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MethodHandles.publicLookup().findVirtual(type, "userId", USER_ID));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return Optional.empty();
        }
    }
}
