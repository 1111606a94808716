package dev.vigil.identity.query;

import dev.vigil.platform.response.CachedResponses;
import dev.vigil.platform.response.JsonResponse;
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

    private final ReplicaReads reads;
    private final CachedResponses responses;

    UserProfileQueries(ReplicaReads reads, CachedResponses responses) {
        this.reads = reads;
        this.responses = responses;
    }

    /** The caller's UserProfileView as a response; a cache hit runs no SQL, a miss one statement. */
    public Optional<JsonResponse<UserProfileView>> find(UUID userId) {
        return responses.find(IdentityCaches.PROFILE, userId, "profile", () -> load(userId));
    }

    private Optional<UserProfileView> load(UUID userId) {
        return reads.forUser(userId, jdbc -> jdbc.sql(BY_USER).param("userId", userId)
                .query((rs, row) -> new UserProfileView(rs.getObject("user_id", UUID.class), rs.getString("email"),
                        rs.getString("display_name"), rs.getString("time_zone"),
                        rs.getTimestamp("registered_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
                .optional());
    }
}
