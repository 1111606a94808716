package dev.vigil.billing.query;

import static dev.vigil.platform.jdbc.SqlTimes.instant;

import dev.vigil.billing.api.Plan;
import dev.vigil.billing.api.SubscriptionStatus;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.vigil.platform.cache.ReadCache;
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

    private static final TypeReference<Optional<SubscriptionView>> MAYBE_SUBSCRIPTION = new TypeReference<>() {
    };

    private final ReplicaReads reads;
    private final ReadCache cache;

    SubscriptionQueries(ReplicaReads reads, ReadCache cache) {
        this.reads = reads;
        this.cache = cache;
    }

    /** A cache hit runs no SQL; a miss runs one statement. */
    public Optional<SubscriptionView> find(UUID userId) {
        return cache.get(BillingCaches.SUBSCRIPTION, userId, "subscription", MAYBE_SUBSCRIPTION, () -> load(userId));
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
