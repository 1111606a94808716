package dev.vigil.identity.query;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vigil.platform.cache.ReadCache;
import java.util.Optional;
import java.util.UUID;
import dev.vigil.platform.jdbc.ReplicaReads;
import org.springframework.stereotype.Component;

/** Reads of {@code identity.user_profile_view}, by primary key only. */
@Component
public class UserProfileQueries {

    private static final String BY_USER = """
            /* identity.user_profile_by_user */
            SELECT user_id, email, display_name, time_zone, registered_at, updated_at
            FROM identity.user_profile_view
            WHERE user_id = :userId""";

    private static final TypeReference<Optional<UserProfileView>> MAYBE_PROFILE = new TypeReference<>() {
    };

    private final ReplicaReads reads;
    private final ReadCache cache;

    UserProfileQueries(ReplicaReads reads, ReadCache cache) {
        this.reads = reads;
        this.cache = cache;
    }

    /** A cache hit runs no SQL; a miss runs one statement. */
    public Optional<UserProfileView> find(UUID userId) {
        return cache.get(IdentityCaches.PROFILE, userId, "profile", MAYBE_PROFILE, () -> load(userId));
    }

    private Optional<UserProfileView> load(UUID userId) {
        return reads.forUser(userId, jdbc -> jdbc.sql(BY_USER).param("userId", userId)
                .query((rs, row) -> new UserProfileView(rs.getObject("user_id", UUID.class), rs.getString("email"),
                        rs.getString("display_name"), rs.getString("time_zone"),
                        rs.getTimestamp("registered_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
                .optional());
    }
}
