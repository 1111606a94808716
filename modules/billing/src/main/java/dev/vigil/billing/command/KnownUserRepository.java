package dev.vigil.billing.command;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every statement billing sends to {@code billing.known_user}.
 */
@Repository
class KnownUserRepository {

    /** Idempotent: a replayed registration changes nothing. */
    private static final String INSERT = """
            /* billing.known_user_insert */
            INSERT INTO billing.known_user (user_id, registered_at) VALUES (:userId, :registeredAt)
            ON CONFLICT (user_id) DO NOTHING""";

    private static final String EXISTS = """
            /* billing.known_user_exists */
            SELECT EXISTS (SELECT 1 FROM billing.known_user WHERE user_id = :userId)""";

    private final JdbcClient jdbc;

    KnownUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID userId, Instant registeredAt) {
        jdbc.sql(INSERT)
                .param("userId", userId)
                .param("registeredAt", OffsetDateTime.ofInstant(registeredAt, ZoneOffset.UTC))
                .update();
    }

    boolean exists(UUID userId) {
        return jdbc.sql(EXISTS).param("userId", userId).query(Boolean.class).single();
    }
}
