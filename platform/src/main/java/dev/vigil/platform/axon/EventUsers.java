package dev.vigil.platform.axon;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The user an event is about: every user-scoped event record has a {@code UUID userId()} component. Used to
 * sequence a user's events and to invalidate a user's cached reads.
 */
public final class EventUsers {

    private static final MethodType USER_ID = MethodType.methodType(UUID.class);
    private static final ConcurrentMap<Class<?>, Optional<MethodHandle>> ACCESSORS = new ConcurrentHashMap<>();

    private EventUsers() {
    }

    public static Optional<UUID> userIdOf(Object payload) {
        Optional<MethodHandle> accessor = ACCESSORS.computeIfAbsent(payload.getClass(), EventUsers::accessorOf);
        if (accessor.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((UUID) accessor.get().invoke(payload));
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read userId of " + payload.getClass().getName(), e);
        }
    }

    private static Optional<MethodHandle> accessorOf(Class<?> type) {
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
