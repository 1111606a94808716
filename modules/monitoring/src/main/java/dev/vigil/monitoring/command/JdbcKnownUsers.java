package dev.vigil.monitoring.command;

import dev.vigil.monitoring.domain.KnownUsers;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code monitoring.known_user}: the users identity registered, as monitoring learnt them from
 * {@code UserRegistered} ({@link KnownUsersProjection}).
 */
@Component
class JdbcKnownUsers implements KnownUsers {

    private static final String EXISTS = """
            /* monitoring.known_user_exists */
            SELECT EXISTS (SELECT 1 FROM monitoring.known_user WHERE user_id = :userId)""";

    /** Idempotent: a replayed registration finds its row and changes nothing. */
    private static final String REMEMBER = """
            /* monitoring.known_user_insert */
            INSERT INTO monitoring.known_user (user_id, registered_at) VALUES (:userId, :registeredAt)
            ON CONFLICT (user_id) DO NOTHING""";

    private final JdbcClient jdbc;

    JdbcKnownUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isKnown(UUID userId) {
        return jdbc.sql(EXISTS).param("userId", userId).query(Boolean.class).single();
    }

    void remember(UUID userId, Instant registeredAt) {
        jdbc.sql(REMEMBER)
                .param("userId", userId)
                .param("registeredAt", registeredAt.atOffset(ZoneOffset.UTC))
                .update();
    }
}
