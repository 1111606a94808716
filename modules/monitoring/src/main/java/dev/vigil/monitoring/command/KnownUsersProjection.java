package dev.vigil.monitoring.command;

import dev.vigil.identity.api.UserRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code monitoring.known_user} from identity's registrations. It has no reset handler on purpose:
 * this table guards commands, and emptying it for a replay would turn away findings for real users until
 * the replay caught up. Rows are only ever added and the insert is idempotent, so a replay over the kept
 * rows is harmless.
 */
@Component
@ProcessingGroup(KnownUsersProjection.PROCESSING_GROUP)
class KnownUsersProjection {

    static final String PROCESSING_GROUP = "monitoring-known-users";

    private final JdbcKnownUsers users;

    KnownUsersProjection(JdbcKnownUsers users) {
        this.users = users;
    }

    @EventHandler
    void on(UserRegistered event) {
        users.remember(event.userId(), event.registeredAt());
    }
}
