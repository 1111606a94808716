package dev.vigil.billing;

import static org.awaitility.Awaitility.await;

import dev.vigil.identity.api.UserRegistered;
import dev.vigil.platform.id.TimeOrderedIds;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registers users the way identity does, by appending its {@link UserRegistered} as the first event of a
 * {@code User} aggregate: billing's tests know identity only by its published events.
 */
public final class IdentityEvents {

    private IdentityEvents() {
    }

    /** Appends a UserRegistered and waits until billing knows the user. */
    public static UUID registerUser(EventStore events, JdbcClient jdbc) {
        UUID userId = TimeOrderedIds.next();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        events.publish(new GenericDomainEventMessage<>("User", userId.toString(), 0,
                new UserRegistered(userId, userId + "@example.org", "Billing test user", "UTC", now)));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM billing.known_user WHERE user_id = :id""")
                .param("id", userId).query(Long.class).single() == 1L);
        return userId;
    }
}
