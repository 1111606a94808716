package dev.vigil.platform.cache;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The namespaces a transaction asked to invalidate, invalidated once each after it commits. A projection
 * applying a batch of a user's events in one transaction so costs one Redis round trip per namespace, not
 * one per event; a rollback invalidates nothing, because nothing changed.
 */
final class InvalidationsAfterCommit implements TransactionSynchronization {

    private final ReadCache cache;
    private final Set<Namespace> namespaces = new LinkedHashSet<>();

    private InvalidationsAfterCommit(ReadCache cache) {
        this.cache = cache;
    }

    /** Adds to the current transaction's invalidations, registering them with it on first use. */
    static void add(ReadCache cache, CacheSpace space, UUID userId) {
        InvalidationsAfterCommit invalidations = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(registered -> registered instanceof InvalidationsAfterCommit mine && mine.cache == cache)
                .map(InvalidationsAfterCommit.class::cast)
                .findFirst()
                .orElseGet(() -> {
                    InvalidationsAfterCommit created = new InvalidationsAfterCommit(cache);
                    TransactionSynchronizationManager.registerSynchronization(created);
                    return created;
                });
        invalidations.namespaces.add(new Namespace(space, userId));
    }

    @Override
    public void afterCommit() {
        namespaces.forEach(namespace -> cache.invalidate(namespace.space(), namespace.userId()));
    }

    private record Namespace(CacheSpace space, UUID userId) {
    }
}
