package dev.vigil.platform.cache;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The namespaces whose invalidation failed because Redis was unreachable. Until each is invalidated for real,
 * reads of it bypass Redis (its entries there may be stale); once Redis answers again, one replay invalidates
 * them all. Bounded: beyond {@link #CAPACITY} namespaces the rest fall back to their TTL, and that is logged.
 * In memory, so a restart forgets them (their entries then expire with their TTL).
 */
final class MissedInvalidations {

    private static final Logger log = LoggerFactory.getLogger(MissedInvalidations.class);

    static final int CAPACITY = 100_000;

    private final Set<Namespace> missed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean replaying = new AtomicBoolean();

    /** False when full: that namespace may be served stale until its TTL. */
    boolean add(CacheSpace space, UUID userId) {
        if (missed.size() >= CAPACITY) {
            return false;
        }
        missed.add(new Namespace(space, userId));
        return true;
    }

    /** The namespace was invalidated in Redis after all. */
    void remove(CacheSpace space, UUID userId) {
        if (!missed.isEmpty()) {
            missed.remove(new Namespace(space, userId));
        }
    }

    boolean contains(CacheSpace space, UUID userId) {
        return !missed.isEmpty() && missed.contains(new Namespace(space, userId));
    }

    boolean isEmpty() {
        return missed.isEmpty();
    }

    /**
     * Starts invalidating every missed namespace with {@code invalidate} (true when it reached Redis) on a
     * virtual thread, stopping at the first failure; does nothing while a replay runs. In the background
     * because there may be thousands: the reads of those namespaces keep bypassing Redis until theirs is done.
     */
    void replayInBackground(Invalidation invalidate) {
        if (missed.isEmpty() || !replaying.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("vigil-cache-replay").start(() -> {
            try {
                int replayed = 0;
                for (Namespace namespace : missed) {
                    if (!invalidate.run(namespace.space(), namespace.userId())) {
                        return;
                    }
                    missed.remove(namespace);
                    replayed++;
                }
                log.info("Replayed {} cache invalidations missed while Redis was unreachable", replayed);
            } finally {
                replaying.set(false);
            }
        });
    }

    @FunctionalInterface
    interface Invalidation {
        boolean run(CacheSpace space, UUID userId);
    }

    private record Namespace(CacheSpace space, UUID userId) {
    }
}
