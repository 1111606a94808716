package dev.vigil.billing.query;

import static dev.vigil.platform.jdbc.SqlTimes.instant;

import dev.vigil.billing.api.Plan;
import dev.vigil.billing.api.SubscriptionStatus;
import dev.vigil.platform.response.CachedResponses;
import dev.vigil.platform.response.JsonResponse;
import java.util.Optional;
import java.util.UUID;
import dev.vigil.platform.jdbc.ReplicaReads;
import org.springframework.stereotype.Component;

/** Reads of {@code billing.subscription_view}, by primary key only. */
@Component
public class SubscriptionQueries {

    private static final String BY_USER = """
            /* billing.subscription_by_user */
            SELECT user_id, plan, status, trial, current_period_end, started_at, cancelled_at
            FROM billing.subscription_view
            WHERE user_id = :userId""";

    private final ReplicaReads reads;
    private final CachedResponses responses;

    SubscriptionQueries(ReplicaReads reads, CachedResponses responses) {
        this.reads = reads;
        this.responses = responses;
    }

    /** The caller's SubscriptionView as a response; a cache hit runs no SQL, a miss one statement. */
    public Optional<JsonResponse<SubscriptionView>> find(UUID userId) {
        return responses.find(BillingCaches.SUBSCRIPTION, userId, "subscription", () -> load(userId));
    }

    private Optional<SubscriptionView> load(UUID userId) {
        return reads.forUser(userId, jdbc -> jdbc.sql(BY_USER).param("userId", userId)
                .query((rs, row) -> new SubscriptionView(rs.getObject("user_id", UUID.class),
                        Plan.valueOf(rs.getString("plan")), SubscriptionStatus.valueOf(rs.getString("status")),
                        rs.getBoolean("trial"), instant(rs.getTimestamp("current_period_end")),
                        instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("cancelled_at"))))
                .optional());
    }
}
