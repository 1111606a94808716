package dev.vigil.platform.axon;

import java.util.Set;
import java.util.UUID;

/**
 * Told by {@link ConsistentCommandGateway} after a send (or a {@code together} batch) has committed and its events
 * have reached the read models: which users' data it changed. A read replica's router uses it to keep those users'
 * reads on the primary until the replica has replayed the write (docs/scaling.md, "Read replica").
 */
@FunctionalInterface
public interface WritesAppliedListener {

    /** Called in the sender's thread, outside any transaction; {@code users} is never empty. */
    void applied(Set<UUID> users);
}
