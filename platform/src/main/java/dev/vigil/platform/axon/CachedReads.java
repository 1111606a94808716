package dev.vigil.platform.axon;

import dev.vigil.platform.cache.CacheSpace;
import java.util.List;

/**
 * Implemented by a projection (a bean with {@code @ProcessingGroup}) whose tables back cached reads: it names
 * the cache spaces that hold, per user, what its tables show. For every event the projection handles, the
 * platform drops the entries of the event's user ({@link EventUsers}) in those spaces once the projection's
 * transaction has committed, once per user and space however many of the user's events the batch held, and
 * before the processor reports the event applied to a waiting command ({@link ConsistentCommandGateway}).
 * An event that changed nothing (a replay, a duplicate) costs one needless invalidation, never a stale read.
 * Redis being unreachable is the read cache's business ({@code ReadCache#invalidate}).
 */
public interface CachedReads {

    /** The spaces this projection's events change for the event's user. */
    List<CacheSpace> spaces();
}
