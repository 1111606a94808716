package dev.vigil.billing.command;

import dev.vigil.identity.api.UserRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Records every user identity registers in {@code billing.known_user}.
 */
@Component
@ProcessingGroup(KnownUsersProjection.PROCESSING_GROUP)
class KnownUsersProjection {

    static final String PROCESSING_GROUP = "billing-known-users";

    private final KnownUserRepository users;

    KnownUsersProjection(KnownUserRepository users) {
        this.users = users;
    }

    /**
     * Keeps the rows: commands consult this table, and emptying it would reject real users until the replay
     * caught up. Replaying over it is harmless because inserts ignore users already known.
     */
    @ResetHandler
    void reset() {
        // nothing to clear
    }

    @EventHandler
    void on(UserRegistered event) {
        users.insert(event.userId(), event.registeredAt());
    }
}
