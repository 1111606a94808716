package dev.vigil.identity.readmodel;

import static dev.vigil.platform.jdbc.SqlTimes.utc;

import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every statement identity sends to {@code identity.user_profile_view}.
 */
@Repository
class UserProfileRepository {

    /** Idempotent: a replayed or duplicate event (version not newer) changes nothing. */
    private static final String UPSERT = """
            /* identity.user_profile_upsert */
            INSERT INTO identity.user_profile_view
                (user_id, email, display_name, time_zone, registered_at, updated_at, version)
            VALUES (:userId, :email, :displayName, :timeZone, :registeredAt, :updatedAt, :version)
            ON CONFLICT (user_id) DO UPDATE SET
                email = EXCLUDED.email,
                display_name = EXCLUDED.display_name,
                time_zone = EXCLUDED.time_zone,
                updated_at = EXCLUDED.updated_at,
                version = EXCLUDED.version
            WHERE identity.user_profile_view.version < EXCLUDED.version""";

    /** Idempotent like the upsert; the row exists because registration is the aggregate's first event. */
    private static final String UPDATE_PROFILE = """
            /* identity.user_profile_update */
            UPDATE identity.user_profile_view
            SET display_name = :displayName, time_zone = :timeZone, updated_at = :updatedAt, version = :version
            WHERE user_id = :userId AND version < :version""";

    private static final String TRUNCATE = """
            /* identity.user_profile_truncate */
            TRUNCATE identity.user_profile_view""";

    private final JdbcClient jdbc;

    UserProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(UUID userId, String email, String displayName, String timeZone, Instant registeredAt,
            Instant updatedAt, long version) {
        jdbc.sql(UPSERT)
                .param("userId", userId)
                .param("email", email)
                .param("displayName", displayName)
                .param("timeZone", timeZone)
                .param("registeredAt", utc(registeredAt))
                .param("updatedAt", utc(updatedAt))
                .param("version", version)
                .update();
    }

    void updateProfile(UUID userId, String displayName, String timeZone, Instant updatedAt, long version) {
        jdbc.sql(UPDATE_PROFILE)
                .param("userId", userId)
                .param("displayName", displayName)
                .param("timeZone", timeZone)
                .param("updatedAt", utc(updatedAt))
                .param("version", version)
                .update();
    }

    void deleteAll() {
        jdbc.sql(TRUNCATE).update();
    }
}
