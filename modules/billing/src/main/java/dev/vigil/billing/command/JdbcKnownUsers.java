package dev.vigil.billing.command;

import dev.vigil.billing.domain.KnownUsers;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@link KnownUsers} from {@code billing.known_user}. A user registered through this instance is known by the
 * time the registration's HTTP response is sent: the read-your-writes gateway waits for this processor too.
 */
@Component
class JdbcKnownUsers implements KnownUsers {

    private final KnownUserRepository users;

    JdbcKnownUsers(KnownUserRepository users) {
        this.users = users;
    }

    @Override
    public boolean isRegistered(UUID userId) {
        return users.exists(userId);
    }
}
